"""The remote backend: any SPARQL 1.1 store over HTTP (SPARQL 1.1 Protocol and Update).

Every query names its dataset (SPARQL 1.1 Protocol §2.1.4): the published graphs as the
default graph (their merge, as the embedded store's union default graph) and as the named
graphs, unless the client chose others. So the store's own default graph does not matter —
`oxigraph serve` with or without `--union-default-graph`, Virtuoso (whose default graph is
every graph it holds) answer alike — and other data the store holds is never seen. A store
may instead offer one graph that stands for the published graphs' union
(`LACS_LD_SPARQL_DEFAULT_GRAPH`, a Virtuoso graph group): it is then the default graph sent.
Publishing (`publishing`) loads a release in parts and switches to it in one request.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Graph

from lacs_ld import uris
from lacs_ld.errors import SettingError, StoreUnavailable
from lacs_ld.sparql_text import analyse
from lacs_ld.store import terms
from lacs_ld.store.base import Bindings, QueryAnswer, QueryRequest, Row
from lacs_ld.store.evaluate import GRAPHS, RESULTS
from lacs_ld.store.remote import answers
from lacs_ld.store.remote.binding import bind, without_idle_values
from lacs_ld.store.remote.endpoint import Endpoint, read_body
from lacs_ld.store.remote.publishing import Publisher
from lacs_ld.store.remote.release import Release
from lacs_ld.store.streaming import too_large

if TYPE_CHECKING:
    from lacs_ld.settings import Settings

NTRIPLES = "application/n-triples"


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
        # The default graph sent: the published graphs, or one graph the store expands to
        # them (Virtuoso plans a query over several default graphs about ten times slower).
        default = settings.sparql_default_graph
        self._default = [default] if default else self._published
        self._publisher = Publisher(settings, self._endpoint, self._select_over)

    def __repr__(self) -> str:
        return f"RemoteStore({self._endpoint.query_url!r})"

    # Trusted queries: the service's own .rq files, values bound as terms.

    def select(self, query: str, bindings: Bindings | None = None) -> list[Row]:
        body = self._trusted(query, bindings, "SELECT", answers.XML)
        return terms.rows(answers.solutions(body))

    def _select_over(self, query: str, default: list[str], named: list[str]) -> list[Row]:
        """A trusted SELECT over the given graphs (none: the store's own dataset)."""
        body = self._trusted(query, None, "SELECT", answers.XML, dataset=(default, named))
        return terms.rows(answers.solutions(body))

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        body = self._trusted(query, bindings, "ASK", answers.XML)
        return bool(answers.boolean(body))

    def construct(self, query: str, bindings: Bindings | None = None) -> Graph:
        body = self._trusted(query, bindings, "CONSTRUCT", NTRIPLES)
        return terms.graph(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))

    def _trusted(
        self,
        query: str,
        bindings: Bindings | None,
        form: str,
        accept: str,
        dataset: tuple[list[str], list[str]] | None = None,
    ) -> bytes:
        """A trusted query over `dataset`, its default and named graphs (by default the
        published graphs, see the module)."""
        default, named = (self._default, self._published) if dataset is None else dataset
        timeout = self._settings.query_timeout
        deadline = time.monotonic() + timeout
        response = self._endpoint.request(
            self._base + bind(without_idle_values(query), bindings),
            form=form,
            accept=accept,
            timeout=timeout,
            default_graphs=default,
            named_graphs=named,
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
            default_graphs = default_graphs or self._default
            named_graphs = named_graphs or self._published
        timeout = self._settings.query_timeout
        deadline = time.monotonic() + timeout
        accept = answers.XML if form in ("ASK", "SELECT") else NTRIPLES
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
            parsed = answers.boolean(body) if form == "ASK" else answers.solutions(body)
            output = parsed.serialize(format=RESULTS[key])
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
        return sorted(self.graph_sizes())

    def graph_sizes(self) -> dict[str, int]:
        """Triples in each named graph the store holds, the service's and any others."""
        return self._publisher.counts()

    def replace(self, dataset: Path) -> None:
        self._publisher.replace(Release.read(dataset))

    def close(self) -> None:
        """Nothing held open: every request opens and closes its own connection."""
