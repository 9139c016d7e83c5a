"""The Markdown tables a run prints: one per scale, and the scaling curve."""

from __future__ import annotations

import statistics
from typing import Any


def _f(value: float | None, spec: str = ".2f") -> str:
    return "—" if value is None else format(value, spec)


def _name(row: dict[str, Any]) -> str:
    """The case's name, saying so when a never-repeated case ran out of distinct requests."""
    return row["case"] + (" (ran out: some repeated)" if row.get("repeated") else "")


def median_ceiling(result: dict[str, Any]) -> float:
    """The median of the ceiling's rates over a run's cases (a bare app answering their bytes)."""
    return statistics.median(row["ceiling"]["requests_per_s"] for row in result["cases"])


def table(result: dict[str, Any]) -> str:
    lines = [
        "| case | bytes | lacs-ld req/s | p50 ms | p99 ms | ceiling req/s | ÷ ceiling "
        "| ÷ median ceiling | Oxigraph req/s | ÷ Oxigraph |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    # The ceiling of one case moves with how wrk's connections fall on the server processes;
    # the median over the run's cases is the steadier yardstick.
    steady = median_ceiling(result)
    for row in result["cases"]:
        lacs, ceiling, oxigraph = row["lacs"], row["ceiling"], row["oxigraph"]
        lines.append(
            f"| {_name(row)} | {row['bytes']} | {lacs['requests_per_s']:.0f} "
            f"| {lacs['p50_ms']:.2f} | {lacs['p99_ms']:.2f} | {ceiling['requests_per_s']:.0f} "
            f"| {_f(row['vs_ceiling'])} | {_f(lacs['requests_per_s'] / steady)} "
            f"| {_f(oxigraph and oxigraph['requests_per_s'], '.0f')} "
            f"| {_f(row['vs_oxigraph'])} |"
        )
    memory_now = result["memory"]
    lines += [
        "",
        "| measure | value |",
        "|---|--:|",
        f"| triples | {result['triples']} |",
        f"| publish (parse, SHACL validation, write the snapshot) | {_f(result['publish_s'])} s |",
        f"| dumps (every download of the release) | {_f(result['dumps_s'])} s |",
        f"| cold start, validated snapshot reused | {_f(result['cold_start_s'])} s |",
        f"| cold start, validating | {_f(result['cold_start_validating_s'])} s |",
        f"| memory after the load, {memory_now['processes']} processes: RSS / PSS "
        f"| {memory_now['rss_mb']:.0f} / {memory_now['pss_mb']:.0f} MiB |",
        f"| Oxigraph: load the N-Triples dump over HTTP | {result['oxigraph_load_s']:.2f} s |",
        f"| Oxigraph: RSS | {result['oxigraph_memory']['rss_mb']:.0f} MiB |",
    ]
    return "\n".join(lines)


def scaling_table(results: list[dict[str, Any]]) -> str:
    # Cases come in the same order at every scale; their names may hold scale-dependent counts.
    names = [_name(row) for row in results[0]["cases"]]
    head = "| measure | " + " | ".join(f"{r['factor']}x" for r in results) + " |"
    lines = [head, "|---|" + "--:|" * len(results)]
    lines.append("| triples | " + " | ".join(str(r["triples"]) for r in results) + " |")
    for number, name in enumerate(names):
        cells = []
        for r in results:
            row = r["cases"][number]
            cells.append(
                f"{row['lacs']['requests_per_s']:.0f} /s, p50 {row['lacs']['p50_ms']:.2f} ms"
            )
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for key, label in (
        ("publish_s", "publish, s"),
        ("dumps_s", "dumps, s"),
        ("cold_start_s", "cold start (validated), s"),
        ("cold_start_validating_s", "cold start (validating), s"),
    ):
        lines.append(f"| {label} | " + " | ".join(_f(r[key]) for r in results) + " |")
    lines.append(
        "| service RSS / PSS, MiB | "
        + " | ".join(f"{r['memory']['rss_mb']:.0f} / {r['memory']['pss_mb']:.0f}" for r in results)
        + " |"
    )
    return "\n".join(lines)
