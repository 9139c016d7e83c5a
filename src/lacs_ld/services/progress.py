"""What publishing is doing as it goes: each step with its count and time.

On a terminal, a step still running after a couple of seconds shows a ticking line, so a
slow step is never silent; elsewhere (logs, pipes, tests) only the finished lines appear.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

TICK_AFTER = 2.0  # seconds before a running step shows itself on a terminal


@dataclass
class Step:
    """One step being timed; set `count` and `unit` to say how much it handled."""

    name: str
    count: int | None = None
    unit: str = ""
    seconds: float = 0.0

    def line(self) -> str:
        amount = f"{self.count:,} {self.unit}".strip() if self.count is not None else ""
        return f"{self.name:<10} {amount:>24}  {self.seconds:6.2f} s"


@dataclass
class Progress:
    """Reports each step to `say`; ticks on `terminal` when one is given."""

    say: Callable[[str], None]
    terminal: TextIO | None = None
    steps: list[Step] = field(default_factory=list)

    @classmethod
    def to_stream(cls, stream: TextIO) -> Progress:
        """Lines on a stream, with ticking only when it is a terminal."""

        def say(text: str) -> None:
            print(text, file=stream, flush=True)

        return cls(say, stream if stream.isatty() else None)

    @classmethod
    def quiet(cls) -> Progress:
        return cls(lambda text: None)

    @contextmanager
    def step(self, name: str, unit: str = "") -> Iterator[Step]:
        """Time a step; its line is said when it ends (not when it fails)."""
        step = Step(name, unit=unit)
        started = time.perf_counter()
        stop = threading.Event()
        ticker = None
        if self.terminal is not None:
            ticker = threading.Thread(target=self._tick, args=(name, started, stop), daemon=True)
            ticker.start()
        try:
            yield step
        finally:
            stop.set()
            if ticker is not None:
                ticker.join()
            step.seconds = time.perf_counter() - started
        self.steps.append(step)
        self.say(step.line())

    def total(self) -> float:
        return sum(step.seconds for step in self.steps)

    def _tick(self, name: str, started: float, stop: threading.Event) -> None:
        """A one-line elapsed-time bar, redrawn in place, cleared when the step ends."""
        assert self.terminal is not None
        if stop.wait(TICK_AFTER):
            return
        width = 0
        while not stop.wait(0.25):
            elapsed = time.perf_counter() - started
            bar = "#" * min(int(elapsed), 30)
            text = f"{name:<10} [{bar:<30}] {elapsed:5.1f} s"
            width = len(text)
            self.terminal.write("\r" + text)
            self.terminal.flush()
        self.terminal.write("\r" + " " * width + "\r")
        self.terminal.flush()


def default() -> Progress:
    """Steps written to standard error (the CLI and servers say what publishing does)."""
    return Progress.to_stream(sys.stderr)
