"""`lacs-ld query`: a readable table, or any format, from the published data."""

from __future__ import annotations

from lacs_ld.errors import PublishError, QueryError
from lacs_ld.formats import BY_KEY, GRAPH_FORMATS, RESULT_FORMATS
from lacs_ld.services.publish import current
from lacs_ld.settings import Settings
from lacs_ld.sparql_text import analyse
from lacs_ld.store import QueryRequest, open_store


def run_query(settings: Settings, sparql: str, format_key: str) -> str:
    """Answer one query from the snapshot last published: never validate or rebuild anything."""
    try:
        snapshot = current(settings)
    except PublishError as exc:
        hint = "; publish first with `lacs-ld publish` (or `lacs-ld serve`)"
        raise PublishError(exc.message + hint) from None
    settings = settings.with_(base_uri=snapshot.base, query_workers=1)
    form = analyse(sparql, settings.base_uri).form
    if form is None:
        raise QueryError("not a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
    graph_form = form in ("CONSTRUCT", "DESCRIBE")
    table = format_key == "table"
    chosen = BY_KEY["tsv" if table and not graph_form else "turtle" if table else format_key]
    allowed = GRAPH_FORMATS if graph_form else RESULT_FORMATS
    if chosen not in allowed:
        names = ", ".join(f.key for f in allowed)
        raise QueryError(f"a {form} query answers in one of: table, {names}")
    store = open_store(settings)
    try:
        store.replace(snapshot.dataset)
        answer = store.execute(QueryRequest(sparql, chosen))
    finally:
        store.close()
    text = answer.read().decode("utf-8")
    return _table(text) if table and not graph_form else text


def _table(tsv: str) -> str:
    rows = [line.split("\t") for line in tsv.splitlines()]
    if not rows:
        return ""
    widths = [max(len(row[i]) if i < len(row) else 0 for row in rows) for i in range(len(rows[0]))]
    lines = [" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines) + f"\n({len(rows) - 1} rows)\n"
