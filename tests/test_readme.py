"""The README is tested against the code: its commands, example queries and paths are real."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from lacs_ld.cli import main
from lacs_ld.queries import examples
from tests.conftest import REPO

README = (REPO / "README.md").read_text()


def test_every_command_in_the_readme_exists() -> None:
    documented = set(re.findall(r"^\| `lacs-ld ([a-z-]+)", README, re.M))
    assert {"serve", "validate", "query", "publish", "build-data", "dump", "settings"} <= documented
    runner = CliRunner()
    for command in sorted(documented):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0, command


def test_readme_example_table_matches_the_example_files() -> None:
    documented = dict(re.findall(r"^\| `(\d\d-[a-z0-9-]+)` \| (\d+) \|$", README, re.M))
    assert documented == {e.slug: str(e.expected_rows) for e in examples()}


def test_quick_start_is_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", section, re.S)
    assert commands == ["pip install . && lacs-ld serve", "bash scripts/test"]
    assert (REPO / "scripts" / "test").is_file()


@pytest.mark.parametrize(
    "path",
    sorted(set(re.findall(r"^\| `/([a-z.][a-z/._{}-]*)`", README, re.M))),
)
def test_paths_the_readme_lists_answer(client: FlaskClient, path: str) -> None:
    concrete = path.replace("{scheme}", "judgement").replace("…", "")
    response = client.get("/lacs/" + concrete, headers={"Accept": "text/html"})
    assert response.status_code in (200, 303), (path, response.status_code)
