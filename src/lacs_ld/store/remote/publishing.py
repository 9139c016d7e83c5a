"""Publishing a release into the remote store: in one request, or in parts switched in one
request, checked graph by graph, recorded so the other server processes of the instance
reuse it.

All-or-nothing: one request is one transaction; parts go into staging graphs no query
names (see `release`), so a failure while loading them (the store refusing a part, going
away, timing out) leaves the previous release served; the staging graphs are then dropped
and the error reported.
"""

from __future__ import annotations

import fcntl
import json
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from lacs_ld.errors import LacsError, PublishError
from lacs_ld.store.base import Row
from lacs_ld.store.remote.endpoint import Endpoint, read_body
from lacs_ld.store.remote.release import Release

if TYPE_CHECKING:
    from lacs_ld.settings import Settings

log = logging.getLogger(__name__)

# Seconds one update request (a part, or the switch) may take.
LOAD_SECONDS = 900.0
GRAPH_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
MARKER = "remote-store.json"

# A trusted SELECT over a protocol dataset: its default graphs, then its named graphs.
Select = Callable[[str, list[str], list[str]], list[Row]]


class Publisher:
    """Loads releases into one store for one instance (its state folder holds the record)."""

    def __init__(self, settings: Settings, endpoint: Endpoint, select: Select) -> None:
        self._settings = settings
        self._endpoint = endpoint
        self._select = select

    def counts(self) -> dict[str, int]:
        """Triples in each named graph the store holds (ours and any others)."""
        rows = self._select(GRAPH_COUNTS, [], [])
        return {str(r["g"]): int(str(r["n"])) for r in rows}

    def replace(self, release: Release) -> None:
        """Serve `release` from the store, loading it unless this instance already did."""
        with self._lock():
            if self._holds(release):
                self._check_dataset(release)
                log.info("the SPARQL store already holds %s: not loading it again", release.name)
                return
            if not self._endpoint.update_url:
                raise PublishError(
                    f"the SPARQL store at {self._endpoint.query_url} does not hold this release "
                    "and no update endpoint is set: set LACS_LD_SPARQL_UPDATE_URL, or publish "
                    "from an instance that has it"
                )
            started = time.monotonic()
            stale = {g for g in self.counts() if g.startswith(self._settings.base_uri)}
            if release.size <= self._settings.sparql_update_bytes:
                try:
                    self._update(release.whole(stale))  # one transaction
                except LacsError as exc:
                    raise _refused(exc) from None
            else:
                self._stage(release)
                self._update(release.switch(stale))
            if {g: n for g, n in self.counts().items() if g in release.counts} != release.counts:
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

    def _stage(self, release: Release) -> None:
        """Load the release into its staging graphs, whole, or drop them and say why."""
        staged = {release.staging(g): n for g, n in release.counts.items()}
        try:
            self._update(release.discard())  # what an interrupted earlier attempt left
            for text in release.loads():
                self._update(text)
            found = {g: n for g, n in self.counts().items() if g in staged}
            if found != staged:
                raise PublishError(
                    "the SPARQL store did not take every part of the release "
                    f"({sum(found.values())} of {sum(staged.values())} triples)"
                )
        except LacsError as exc:
            try:
                self._update(release.discard())
            except LacsError:
                log.warning("could not drop the staging graphs of %s", release.name)
            raise _refused(exc) from None

    def _update(self, text: str) -> None:
        started = time.monotonic()
        response = self._endpoint.request(text, form="UPDATE", accept="*/*", timeout=LOAD_SECONDS)
        read_body(response, deadline=started + LOAD_SECONDS, where=self._endpoint.update_url)

    def _check_dataset(self, release: Release) -> None:
        """Each published graph, named as the default graph, answers with the snapshot's count.

        The service reads through protocol datasets; a store that ignored default-graph-uri
        would answer nothing (or everything it holds), so it is refused here, not served.
        """
        for graph, expected in sorted(release.counts.items()):
            rows = self._select(COUNT_ALL, [graph], [graph])
            found = int(str(rows[0]["n"])) if rows else 0
            if found != expected:
                raise PublishError(
                    f"the SPARQL store at {self._endpoint.query_url} answers {found} triples, "
                    f"not {expected}, when <{graph}> is named as the default graph "
                    "(default-graph-uri, SPARQL 1.1 Protocol §2.1.4): it must honour the "
                    "protocol dataset; check the store's version and LACS_LD_SPARQL_QUERY_URL"
                )
        union = self._settings.sparql_default_graph
        if union:
            rows = self._select(COUNT_ALL, [union], [])
            found = int(str(rows[0]["n"])) if rows else 0
            expected = int(str(self._select(COUNT_ALL, sorted(release.counts), [])[0]["n"]))
            if found != expected:
                raise PublishError(
                    f"the SPARQL store answers {found} triples, not {expected}, from <{union}> "
                    "(LACS_LD_SPARQL_DEFAULT_GRAPH): it must stand for the union of the "
                    "published graphs (see docs/deploying.md for Virtuoso's graph group)"
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
        counts = {g: n for g, n in self.counts().items() if g in release.counts}
        if not self._endpoint.update_url:
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


def _refused(exc: LacsError) -> PublishError:
    return PublishError(
        "loading the release into the SPARQL store failed, the previous release is still "
        f"served: {exc.message}"
    )
