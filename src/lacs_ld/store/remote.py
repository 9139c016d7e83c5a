"""The remote backend: any SPARQL 1.1 store over HTTP (SPARQL 1.1 Protocol and Update).

Reads go to `sparql_query_url`; publishing sends one SPARQL Update request to
`sparql_update_url` that drops the published graphs and inserts the new release, which a
transactional store (Oxigraph, Fuseki/TDB2, GraphDB) applies all-or-nothing: readers see
the old release or the new one.

Every query names its dataset (SPARQL 1.1 Protocol §2.1.4): the published graphs as the
default graph (their merge, as the embedded store's union default graph) and as the named
graphs, unless the client chose others. So the store's own default graph does not matter —
`oxigraph serve` with or without `--union-default-graph`, Fuseki, GraphDB answer alike — and
other data the store holds is never seen. Publishing and starting check, graph by graph,
that the store answers that dataset with the snapshot's counts.
"""

from __future__ import annotations

import fcntl
import json
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Graph

from lacs_ld import uris
from lacs_ld.errors import PublishError, SettingError, StoreUnavailable
from lacs_ld.sparql_text import analyse
from lacs_ld.store import terms
from lacs_ld.store.base import Bindings, QueryAnswer, QueryRequest, Row
from lacs_ld.store.evaluate import GRAPHS, RESULTS
from lacs_ld.store.remote_http import Endpoint, read_body
from lacs_ld.store.remote_release import Release
from lacs_ld.store.remote_text import bind
from lacs_ld.store.streaming import too_large

if TYPE_CHECKING:
    from lacs_ld.settings import Settings

log = logging.getLogger(__name__)

TSV = "text/tab-separated-values"
JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples"
SOURCE = {JSON: ox.QueryResultsFormat.JSON, TSV: ox.QueryResultsFormat.TSV}
# A release is one update request of the whole dataset: give the store time to apply it.
LOAD_SECONDS = 900.0
GRAPH_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
MARKER = "remote-store.json"


class RemoteStore:
    """The Store protocol over HTTP; publishing needs the update endpoint too."""

    name = "remote"

    def __init__(self, settings: Settings) -> None:
        if not settings.sparql_query_url:
            raise SettingError(
                "the remote backend needs LACS_LD_SPARQL_QUERY_URL (--sparql-query-url), "
                "the store's SPARQL query endpoint"
            )
        self._settings = settings
        self._endpoint = Endpoint(
            settings.sparql_query_url,
            settings.sparql_update_url,
            settings.remote_user,
            settings.remote_password,
        )
        self.writable = bool(settings.sparql_update_url)
        self._base = f"BASE <{settings.base_uri}> "
        self._published = [uris.graph(settings.base_uri, name) for name in uris.GRAPH_NAMES]

    def __repr__(self) -> str:
        return f"RemoteStore({self._endpoint.query_url!r})"

    # Trusted queries: the service's own .rq files, values bound as terms.

    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        body = self._trusted(query, bindings, "SELECT", JSON)
        solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        assert isinstance(solutions, ox.QuerySolutions)
        return terms.rows(solutions)

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        body = self._trusted(query, bindings, "ASK", JSON)
        return bool(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        body = self._trusted(query, bindings, "CONSTRUCT", NTRIPLES)
        return terms.graph(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))

    def _trusted(
        self,
        query: str,
        bindings: Bindings | None,
        form: str,
        accept: str,
        dataset: list[str] | None = None,
    ) -> bytes:
        """A trusted query over `dataset` (default: the published graphs, see the module)."""
        graphs = self._published if dataset is None else dataset
        timeout = self._settings.query_timeout
        deadline = time.monotonic() + timeout
        response = self._endpoint.request(
            self._base + bind(query, bindings),
            form=form,
            accept=accept,
            timeout=timeout,
            default_graphs=graphs,
            named_graphs=graphs,
        )
        return read_body(response, deadline=deadline, where=self._endpoint.query_url)

    # Untrusted queries from the endpoint: limits enforced here, answers converted locally.

    def execute(self, request: QueryRequest) -> QueryAnswer:
        form = analyse(request.query).form or "SELECT"
        key = request.result_format.key
        default_graphs = list(request.default_graphs)
        named_graphs = list(request.named_graphs)
        if request.own_dataset and not default_graphs and not named_graphs:
            # The query's FROM / FROM NAMED, sent as the protocol dataset: a store serving a
            # union default graph (Oxigraph) would otherwise let that override FROM.
            shape = analyse(request.query, self._settings.base_uri)
            default_graphs, named_graphs = shape.from_graphs, shape.from_named
        else:
            # As the embedded store: the union of the published graphs unless the client named
            # a default graph, and every published graph as a named graph unless it named some.
            default_graphs = default_graphs or self._published
            named_graphs = named_graphs or self._published
        timeout = self._settings.query_timeout
        deadline = time.monotonic() + timeout
        accept = {"ASK": JSON, "SELECT": TSV}.get(form, NTRIPLES)
        response = self._endpoint.request(
            self._base + request.query,
            form=form,
            accept=accept,
            timeout=timeout,
            default_graphs=default_graphs,
            named_graphs=named_graphs,
        )
        got = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if got != accept:
            response.close()
            raise StoreUnavailable(f"the SPARQL store answered in {got or 'no type'}, not {accept}")
        ceiling = self._settings.max_result_bytes
        # The store's answer is read whole (bounded by the ceiling: a larger one is refused
        # before anything is sent), then converted natively to the format asked for.
        body = read_body(
            response,
            deadline=deadline,
            where=self._endpoint.query_url,
            max_bytes=ceiling,
            too_large=too_large(ceiling),
        )
        if form in ("ASK", "SELECT"):
            parsed = ox.parse_query_results(body, format=SOURCE[accept])
            output = (
                parsed.serialize(format=RESULTS[key]) if accept != TSV or key != "tsv" else body
            )
            return self._bounded(output or b"", request, ceiling)
        triples = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
        output = ox.serialize(triples, format=GRAPHS[key], prefixes=dict(request.prefixes))
        return self._bounded(output or b"", request, ceiling)

    @staticmethod
    def _bounded(body: bytes, request: QueryRequest, ceiling: int) -> QueryAnswer:
        if len(body) > ceiling:
            raise too_large(ceiling)
        return QueryAnswer(body, request.result_format)

    # Publishing.

    def graphs(self) -> list[str]:
        return sorted(self._graph_counts())

    def _graph_counts(self) -> dict[str, int]:
        """Triples in each named graph the store holds (ours and any others)."""
        body = self._trusted(GRAPH_COUNTS, None, "SELECT", JSON, dataset=[])
        solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        assert isinstance(solutions, ox.QuerySolutions)
        return {str(r["g"]): int(str(r["n"])) for r in terms.rows(solutions)}

    def _check_dataset(self, release: Release) -> None:
        """Each published graph, named as the default graph, answers with the snapshot's count.

        The service reads through protocol datasets; a store that ignored default-graph-uri
        would answer nothing (or everything it holds), so it is refused here, not served.
        """
        for graph, expected in sorted(release.counts.items()):
            body = self._trusted(COUNT_ALL, None, "SELECT", JSON, dataset=[graph])
            solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            assert isinstance(solutions, ox.QuerySolutions)
            rows = terms.rows(solutions)
            found = int(str(rows[0]["n"])) if rows else 0
            if found != expected:
                raise PublishError(
                    f"the SPARQL store at {self._endpoint.query_url} answers {found} triples, "
                    f"not {expected}, when <{graph}> is named as the default graph "
                    "(default-graph-uri, SPARQL 1.1 Protocol §2.1.4): it must honour the "
                    "protocol dataset; check the store's version and LACS_LD_SPARQL_QUERY_URL"
                )

    def replace(self, dataset: Path) -> None:
        release = Release.read(dataset)
        with self._lock():
            if self._holds(release):
                self._check_dataset(release)
                log.info("the SPARQL store already holds %s: not loading it again", release.name)
                return
            if not self.writable:
                raise PublishError(
                    f"the SPARQL store at {self._endpoint.query_url} does not hold this release "
                    "and no update endpoint is set: set LACS_LD_SPARQL_UPDATE_URL, or publish "
                    "from an instance that has it"
                )
            stale = {g for g in self.graphs() if g.startswith(self._settings.base_uri)}
            started = time.monotonic()
            response = self._endpoint.request(
                release.update(stale), form="UPDATE", accept="*/*", timeout=LOAD_SECONDS
            )
            read_body(response, deadline=started + LOAD_SECONDS, where=self._endpoint.update_url)
            if self._graph_counts() != release.counts:
                raise PublishError(
                    "the SPARQL store did not take the whole release (its graph sizes differ "
                    "from the snapshot's); check the store's log"
                )
            self._check_dataset(release)
            self._marker().write_text(json.dumps(self._record(release)))
            log.info(
                "loaded %d quads into the SPARQL store in %.1f s",
                sum(release.counts.values()),
                time.monotonic() - started,
            )

    def _record(self, release: Release) -> dict[str, object]:
        return {"store": self._endpoint.query_url, "sha256": release.digest}

    def _marker(self) -> Path:
        return self._settings.state_dir / MARKER

    def _holds(self, release: Release) -> bool:
        """This release was loaded from here, and the store still has its graphs, in size."""
        try:
            record = json.loads(self._marker().read_text())
        except (OSError, ValueError):
            record = None
        counts = self._graph_counts()
        if not self.writable:
            return counts == release.counts
        return record == self._record(release) and counts == release.counts

    @contextmanager
    def _lock(self) -> Iterator[None]:
        """Server processes of one instance load the store one at a time, the first one only."""
        self._settings.state_dir.mkdir(parents=True, exist_ok=True)
        with (self._settings.state_dir / (MARKER + ".lock")).open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def close(self) -> None:
        """Nothing held open: every request opens and closes its own connection."""
