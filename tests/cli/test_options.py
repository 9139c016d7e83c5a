"""Each command's options come from the settings table: only its own, typed by their kind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from lacs_ld.cli import main
from lacs_ld.settings import SETTINGS_TABLE


@pytest.mark.parametrize(
    ("command", "takes", "refuses"),
    [
        ("serve", ["--port", "--workers", "--state-dir", "--skip-validation-cache"], []),
        ("validate", ["--data-dir", "--shapes-dir"], ["--port", "--state-dir", "--backend"]),
        ("query", ["--state-dir", "--max-result-bytes"], ["--port", "--data-dir", "--base-uri"]),
        ("publish", ["--backend", "--skip-validation-cache"], ["--port", "--max-url-bytes"]),
        ("dump", ["--state-dir", "--base-uri"], ["--port", "--sparql-query-url"]),
    ],
)
def test_each_command_lists_only_the_settings_it_uses(
    command: str, takes: list[str], refuses: list[str]
) -> None:
    help_text = CliRunner().invoke(main, [command, "--help"]).output
    flags = set(re.findall(r"^  (--[a-z-]+)", help_text, re.M))
    assert set(takes) <= flags, help_text
    assert not flags & set(refuses), help_text
    expected = {s.flag for s in SETTINGS_TABLE if command in s.commands}
    assert expected <= flags


def test_numbers_are_typed_and_a_word_is_refused_before_anything_runs(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "eighty", "--state-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "'eighty' is not a valid integer" in result.output
    assert "--port INTEGER" in CliRunner().invoke(main, ["serve", "--help"]).output


def test_skip_validation_cache_is_a_flag_without_a_value() -> None:
    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    assert re.search(r"^  --skip-validation-cache\s+Always", help_text, re.M), help_text
