"""The `lacs-ld` command as a user runs it: exit statuses and readable reports."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask

from lacs_ld.cli import main
from tests.conftest import REPO
from tests.services.test_publish import break_shapes

BUNDLED_SCHEMA = {
    "LACS_LD_ONTOLOGY_DIR": str(REPO / "ontology"),
    "LACS_LD_SHAPES_DIR": str(REPO / "shapes"),
}


def run(*args: str, cwd: Path = REPO, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LACS_LD_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "lacs_ld", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_bad_setting_exits_2_with_one_line_naming_it(tmp_path: Path) -> None:
    result = run("serve", "--base-uri", "http://example.org", LACS_LD_STATE_DIR=str(tmp_path))
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "LACS_LD_BASE_URI" in lines[0] and "'http://example.org'" in lines[0]


def test_unknown_backend_from_the_environment_refuses_to_start(tmp_path: Path) -> None:
    result = run("serve", LACS_LD_BACKEND="sqlite", LACS_LD_STATE_DIR=str(tmp_path))
    assert result.returncode == 2
    assert "LACS_LD_BACKEND" in result.stderr and "embedded, remote" in result.stderr


def test_validate_reports_file_and_shape_message_for_broken_data(
    tmp_path: Path, data_copy: Path
) -> None:
    break_shapes(data_copy)
    result = run("validate", str(data_copy), LACS_LD_STATE_DIR=str(tmp_path))
    assert result.returncode == 1
    assert "does not conform" in result.stdout
    assert "authorities.ttl" in result.stdout
    assert "<id/authority/E08000025>" in result.stdout


def test_serve_refuses_invalid_data_with_a_report(tmp_path: Path, data_copy: Path) -> None:
    (data_copy / "bad.ttl").write_text("<id/x> <y> .\n")
    result = run("serve", "--data-dir", str(data_copy), LACS_LD_STATE_DIR=str(tmp_path))
    assert result.returncode == 1
    assert "bad.ttl" in result.stderr and "line 1" in result.stderr


@pytest.fixture
def published(app: Flask, tmp_path: Path) -> Path:
    """A state folder holding a copy of the session's published snapshot."""
    snapshot = app.extensions["lacs"].snapshot
    state = tmp_path / "state"
    shutil.copytree(snapshot.directory, state / "snapshots" / snapshot.key)
    (state / "current").write_text(snapshot.key + "\n")
    return state


BIRMINGHAM = (
    "SELECT ?name WHERE { <id/authority/E08000025> "
    "<http://www.w3.org/2000/01/rdf-schema#label> ?name }"
)


def test_query_prints_a_readable_table(published: Path) -> None:
    result = run("query", BIRMINGHAM, LACS_LD_STATE_DIR=str(published))
    assert result.returncode == 0, result.stderr
    assert '"Birmingham"' in result.stdout
    assert "(1 rows)" in result.stdout


def test_query_reuses_the_published_snapshot_and_never_validates_or_writes_downloads(
    published: Path, tmp_path: Path, app: Flask
) -> None:
    snapshot = app.extensions["lacs"].snapshot
    before = max(p.stat().st_mtime_ns for p in (published / "snapshots").rglob("*"))
    result = run(
        "query",
        BIRMINGHAM,
        "--format",
        "csv",
        LACS_LD_STATE_DIR=str(published),
        LACS_LD_DATA_DIR=str(tmp_path / "no-such-data"),
        LACS_LD_BASE_URI="http://elsewhere.example/",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["name", "Birmingham"]
    assert "validate" not in result.stderr and "downloads" not in result.stderr
    assert [p.name for p in (published / "snapshots").iterdir()] == [snapshot.key]
    for path in (published / "snapshots").rglob("*"):
        assert path.stat().st_mtime_ns <= before, f"{path} was written"


def test_query_before_anything_is_published_says_to_publish_first(tmp_path: Path) -> None:
    result = run("query", BIRMINGHAM, LACS_LD_STATE_DIR=str(tmp_path))
    assert result.returncode == 1
    assert "nothing published yet" in result.stderr and "lacs-ld publish" in result.stderr


def test_query_with_a_syntax_error_exits_non_zero_with_the_position(published: Path) -> None:
    result = run("query", "SELECT ?x WHERE { ?x }", LACS_LD_STATE_DIR=str(published))
    assert result.returncode == 1
    assert "could not be read" in result.stderr and "(1:23)" in result.stderr


def test_version_names_the_installed_release() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"lacs-ld, version {version('lacs-ld')}\n"


def test_build_data_reads_the_sources_folder_of_the_working_directory_by_default(
    tmp_path: Path,
) -> None:
    result = run("build-data", "--data", str(tmp_path / "data"), cwd=tmp_path)
    assert result.returncode == 2
    assert "'sources'" in result.stderr and "does not exist" in result.stderr
    assert (REPO / "sources" / "data-sources" / "README.md").is_file()


def test_validate_reports_a_bad_literal_by_line_without_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "dates.ttl").write_text(
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n\n"
        '<id/authority/E08000025> dcterms:modified "2009-13-45"^^xsd:date .\n'
    )
    result = run("validate", str(data), cwd=tmp_path, **BUNDLED_SCHEMA)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert (
        "data/dates.ttl, line 4: <id/authority/E08000025> <http://purl.org/dc/terms/modified> "
        '"2009-13-45"^^xsd:date: not a valid xsd:date'
    ) in result.stderr


def test_validate_shows_a_syntax_error_as_the_line_and_a_caret(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "broken.ttl").write_text("<id/x> <y> .\n")
    result = run("validate", str(data), cwd=tmp_path, **BUNDLED_SCHEMA)
    assert result.returncode == 1
    assert "b'" not in result.stderr and "Traceback" not in result.stderr
    assert (
        "data/broken.ttl, line 1, column 12: Turtle syntax error: . is not a valid RDF object"
        in result.stderr
    )
    assert "\n    <id/x> <y> .\n               ^\n" in result.stderr
