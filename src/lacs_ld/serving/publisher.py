"""Publishing in a child process, so the supervisor never parses, validates or builds.

The supervisor starts `python -m lacs_ld.serving.publisher` with its settings in the
environment; the child publishes (build, downloads, `current` pointer), loads the new
snapshot into a store as a server process would, and writes one JSON line on its standard
output: the snapshot's key, or the error. Anything else it prints goes to standard error.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

from lacs_ld.settings import SETTINGS_TABLE, Settings

READ_BYTES = 65536


@dataclass(frozen=True)
class Outcome:
    """How a publish ended: a snapshot key, or why not."""

    key: str = ""
    release: str = ""
    triples: int = 0
    error: str = ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.key) and not self.error


def settings_environ(settings: Settings) -> dict[str, str]:
    """The settings as `LACS_LD_*` variables, so the child reads exactly what the server uses."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LACS_LD_")}
    for setting in SETTINGS_TABLE:
        value = getattr(settings, setting.name)
        environ[setting.env] = str(value).lower() if isinstance(value, bool) else str(value)
    return environ


class Publisher:
    """One publishing child: started at once, polled without blocking, killed on shutdown.

    Its exit status is not used: gunicorn's supervisor reaps every child, so the result comes
    through a pipe, and a child that ends without writing one has failed.
    """

    def __init__(self, settings: Settings) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lacs_ld.serving.publisher"],
            env=settings_environ(settings),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
        )
        assert self.process.stdout is not None
        self._fd = self.process.stdout.fileno()
        os.set_blocking(self._fd, False)
        self._buffer = b""

    @property
    def pid(self) -> int:
        return self.process.pid

    def poll(self) -> Outcome | None:
        """The outcome once the child has ended, else None (never blocks, never raises)."""
        while True:
            try:
                chunk = os.read(self._fd, READ_BYTES)
            except BlockingIOError:
                return None
            except OSError as exc:
                return self._finish(Outcome(error=f"cannot read the publisher's answer: {exc}"))
            if not chunk:
                return self._finish(self._parse())
            self._buffer += chunk

    def _parse(self) -> Outcome:
        lines = self._buffer.decode("utf-8", "replace").strip().splitlines()
        if not lines:
            with contextlib.suppress(ChildProcessError, OSError):
                self.process.poll()
            code = self.process.returncode
            how = f"was killed by signal {-code}" if code and code < 0 else "ended without a result"
            return Outcome(error=f"the publishing process (pid {self.pid}) {how}")
        try:
            fields: dict[str, Any] = json.loads(lines[-1])
            return Outcome(**fields)
        except (ValueError, TypeError):
            return Outcome(error=f"the publishing process answered {lines[-1][:200]!r}")

    def _finish(self, outcome: Outcome) -> Outcome:
        with contextlib.suppress(OSError):
            self.process.stdout.close()  # type: ignore[union-attr]
        with contextlib.suppress(ChildProcessError, OSError):
            self.process.poll()
        return outcome

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, OSError):
            self.process.kill()
        with contextlib.suppress(OSError):
            self.process.stdout.close()  # type: ignore[union-attr]


def publish_and_load(settings: Settings) -> Outcome:
    """Publish as `lacs-ld publish` does, then prove a server process can load the result."""
    from lacs_ld.errors import LacsError
    from lacs_ld.formats import BY_KEY
    from lacs_ld.services.publish import Publication
    from lacs_ld.store import QueryRequest, open_store

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
