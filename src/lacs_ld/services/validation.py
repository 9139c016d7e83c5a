"""SHACL validation of what the store holds, reported as instructions a person editing data/ can follow."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from lacs_ld.store import shacl
from lacs_ld.store.loading import LoadedGraphs


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
    loaded: LoadedGraphs,
    shapes: str,
    data: tuple[str, ...],
    locate: Callable[[], Mapping[Node, str]],
    base: str,
    engine: str = "turbo",
) -> ValidationReport:
    """Validate the data graphs the store holds (vocabulary included, no inference).

    `locate` maps subjects to the files stating them; it is called only when there are
    violations to explain, so conforming data is parsed once.
    """
    conforms, report = shacl.validate(loaded, shapes, data, engine)
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    # Results nested in sh:detail explain a failed sh:node or sh:or; they are not violations.
    results = [r for r in results if (None, SH.detail, r) not in report]
    files = locate() if results else {}
    violations = sorted(
        (_violation(report, result, files, base) for result in results),
        key=lambda v: (v.file, v.focus, v.path, v.message),
    )
    return ValidationReport(conforms, tuple(violations), report)


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
