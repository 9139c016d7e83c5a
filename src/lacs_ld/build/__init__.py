"""Build data/generated/*.ttl from the public sources, reproducibly, with a reconciliation."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from lacs_ld.build.authorities import build_authorities
from lacs_ld.build.inspections import build_inspections
from lacs_ld.build.reconcile import Reconciliation
from lacs_ld.build.reports import index_rows
from lacs_ld.build.turtle import PLACEHOLDER_BASE, serialize

__all__ = ["PLACEHOLDER_BASE", "Reconciliation", "build_data"]


def write_turtle(graph: Graph, path: Path) -> None:
    """Write a graph as deterministic, base-relative Turtle (UTF-8, LF line ends)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(serialize(graph).encode("utf-8"))


def _report_quotes(
    sources: Path, generated: Path, mapping: dict[str, str], report: Reconciliation
) -> None:
    """Run the report-quote builder where it exists, writing its graph with the same writer."""
    from lacs_ld.build import report_quotes

    if not hasattr(report_quotes, "build"):
        return
    graph, counts = report_quotes.build(sources, mapping)
    write_turtle(graph, generated / "report-quotes.ttl")
    for key, value in counts.items():
        report.notes[f"report quotes: {key}"] += value


def build_data(sources: Path, data_dir: Path) -> Reconciliation:
    """Write data_dir/generated/{authorities,inspections}.ttl from sources/data-sources/."""
    sources, generated = Path(sources), Path(data_dir) / "generated"
    if not (sources / "data-sources").is_dir():
        raise FileNotFoundError(f"{sources} has no data-sources/ folder")
    report = Reconciliation()
    write_turtle(build_authorities(sources, report), generated / "authorities.ttl")
    graph, events = build_inspections(sources, report)
    write_turtle(graph, generated / "inspections.ttl")
    mapping = {rid: path for path, event in events.items() for rid in sorted(event.report_ids)}
    unmatched = sorted(set(index_rows(sources)) - set(mapping))
    report.notes["report_index reports matched to an inspection"] = len(mapping)
    report.notes["report_index reports matched to no inspection"] = len(unmatched)
    report.details.extend(f"report {rid} matched to no inspection" for rid in unmatched)
    try:
        _report_quotes(sources, generated, mapping, report)
    except ImportError:
        report.notes["report quotes: builder not present, skipped"] += 1
    return report
