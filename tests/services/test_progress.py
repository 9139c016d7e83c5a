"""Publishing says each step with its count and time; the ticking bar only on a terminal."""

from __future__ import annotations

import io
import re
import time

import pytest

from lacs_ld.services import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_each_step_is_one_line_with_its_count_and_time() -> None:
    out = io.StringIO()
    steps = progress.Progress.to_stream(out)
    with steps.step("parse", "triples") as step:
        step.count = 129412
    assert re.fullmatch(r"parse\s+129,412 triples\s+\d+\.\d\d s\n", out.getvalue())
    assert steps.steps[0].seconds >= 0


def test_a_failed_step_says_nothing() -> None:
    out = io.StringIO()
    steps = progress.Progress.to_stream(out)
    with pytest.raises(RuntimeError), steps.step("validate"):
        raise RuntimeError("invalid")
    assert out.getvalue() == ""


def test_a_long_step_ticks_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "TICK_AFTER", 0.05)
    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        steps = progress.Progress.to_stream(stream)
        with steps.step("downloads", "files") as step:
            step.count = 9
            time.sleep(0.6)
    assert "\rdownloads  [" in terminal.getvalue()
    assert "\r" not in pipe.getvalue()
    assert pipe.getvalue().startswith("downloads ")
