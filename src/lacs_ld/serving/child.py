"""The publishing child: publish, load what was published, answer one JSON line, exit.

It publishes as `lacs-ld publish` does (build, downloads, the `current` pointer), then loads
the new snapshot into a store and runs a query on it as a server process would, so the
supervisor switches only to a snapshot known to load. Its standard output carries only the
answer (an `Outcome`); everything else it prints goes to standard error.
"""

from __future__ import annotations

import json
import logging
import os
import sys

from lacs_ld.errors import LacsError
from lacs_ld.formats import BY_KEY
from lacs_ld.services.publish import Publication
from lacs_ld.serving.publisher import Outcome
from lacs_ld.settings import Settings
from lacs_ld.store import QueryRequest, open_store


def publish_and_load(settings: Settings) -> Outcome:
    """Publish as `lacs-ld publish` does, then prove a server process can load the result."""
    try:
        store = open_store(settings)
        try:
            snapshot = Publication(settings, store).publish()
            store.execute(QueryRequest("ASK { ?s ?p ?o }", BY_KEY["json"]))
        finally:
            store.close()
    except LacsError as exc:
        return Outcome(error=exc.message, detail=exc.detail or "")
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        return Outcome(error=f"{exc.strerror or exc}{where}")
    except Exception as exc:  # anything else is still a refused publish, never a crash upstream
        logging.getLogger(__name__).exception("publishing failed")
        return Outcome(error=f"{type(exc).__name__}: {exc}")
    return Outcome(key=snapshot.key, release=snapshot.release, triples=snapshot.triples)


def main() -> int:
    answer = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # whatever else the publish prints goes to standard error
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    try:
        outcome = publish_and_load(Settings.load())
    except Exception as exc:  # bad settings: the supervisor checked them, so this is a bug
        outcome = Outcome(error=f"{type(exc).__name__}: {exc}")
    answer.write(json.dumps(outcome.__dict__) + "\n")
    answer.flush()
    # Exit 0 either way: the answer is the line above, and gunicorn logs any other status
    # of a child it reaps as a failed server process.
    return 0


if __name__ == "__main__":
    sys.exit(main())
