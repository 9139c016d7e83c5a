"""Publishing in a child process, so the supervisor never parses, validates or builds.

The supervisor starts `python -m lacs_ld.serving.child` (see there) with its settings in the
environment and reads its answer, one JSON line, without ever waiting on it.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
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
            [sys.executable, "-m", "lacs_ld.serving.child"],
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


def write_pointer(settings: Settings, key: str) -> None:
    """Record the snapshot being served in `{state_dir}/serving` (for operators and pruning)."""
    target = settings.state_dir / "serving"
    temporary = target.with_suffix(".tmp")
    temporary.write_text(key + "\n")
    temporary.replace(target)


def first_publish(settings: Settings) -> Outcome:
    """Publish before serving, in a child like every later publish; PublishError if refused."""
    from lacs_ld.errors import PublishError

    publisher = Publisher(settings)
    previous = signal.signal(signal.SIGTERM, _exit_on_term)
    try:
        while (outcome := publisher.poll()) is None:
            time.sleep(0.05)
    except BaseException:
        publisher.kill()
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
    if not outcome.ok:
        raise PublishError(outcome.error, report=outcome.detail)
    write_pointer(settings, outcome.key)
    return outcome


def _exit_on_term(signum: int, frame: object) -> None:
    sys.exit(128 + signum)
