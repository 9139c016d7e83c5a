"""SHACL validation with pySHACL, reported as instructions a person editing data/ can follow."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node


@dataclass(frozen=True)
class Violation:
    """One SHACL result, located in the file that states the focus node."""

    file: str
    focus: str
    path: str
    message: str
    severity: str
    shape: str

    def line(self) -> str:
        return (
            f"{self.file}: {self.focus} {self.path}: {self.message} [{self.severity}; {self.shape}]"
        )


@dataclass(frozen=True)
class ValidationReport:
    """Whether the data conforms, every violation, and the report graph itself."""

    conforms: bool
    violations: tuple[Violation, ...]
    graph: Graph

    def text(self) -> str:
        if self.conforms:
            return "The data conforms to the shapes: 0 violations."
        lines = [f"The data does not conform to the shapes: {len(self.violations)} violation(s)."]
        lines.extend("  " + v.line() for v in self.violations)
        return "\n".join(lines)


def check(
    data: Graph, shapes: Graph, vocabulary: Graph, files: Mapping[Node, str], base: str
) -> ValidationReport:
    """Validate data (with the vocabulary mixed in, no inference) against the shapes."""
    conforms, report, _ = validate(
        data,
        shacl_graph=shapes,
        ont_graph=vocabulary,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    assert isinstance(report, Graph)
    violations = sorted(
        (
            _violation(report, result, files, base)
            for result in report.subjects(RDF.type, SH.ValidationResult)
        ),
        key=lambda v: (v.file, v.focus, v.path, v.message),
    )
    return ValidationReport(bool(conforms), tuple(violations), report)


def _violation(report: Graph, result: Node, files: Mapping[Node, str], base: str) -> Violation:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    severity = report.value(result, SH.resultSeverity)
    return Violation(
        file=files.get(focus, "(no file)") if focus is not None else "(no file)",
        focus=_short(focus, base),
        path=_short(path, base),
        message=str(report.value(result, SH.resultMessage) or "constraint not met"),
        severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
        shape=_shape_name(report, result, base),
    )


def _shape_name(report: Graph, result: Node, base: str) -> str:
    shape = report.value(result, SH.sourceShape)
    if isinstance(shape, URIRef):
        return _short(shape, base)
    component = report.value(result, SH.sourceConstraintComponent)
    return str(component).rsplit("#", 1)[-1] if component else "shape"


def _short(node: Node | None, base: str) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        text = str(node)
        return "<" + (text[len(base) :] if text.startswith(base) else text) + ">"
    return node.n3() if hasattr(node, "n3") else str(node)
