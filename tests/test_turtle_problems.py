"""Turtle problems read like an editor's: file, line, the offending line with a caret."""

from __future__ import annotations

from pathlib import Path

import pytest

from lacs_ld.errors import PublishError
from lacs_ld.services.sources import SourceSet, load

BASE = "https://data.example.test/lacs/"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.ttl"
    path.write_text(text, encoding="utf-8")
    return path


def parse_files(paths: list[Path], base: str, root: Path) -> int:
    """Load files as the data part of a publication; the number of triples loaded."""
    loaded = load(SourceSet((), (), tuple(paths), None), base, root)
    return loaded.count(base + "graph/data")


def test_a_syntax_error_shows_the_offending_line_as_text_with_a_caret(tmp_path: Path) -> None:
    path = write(tmp_path, '@prefix x: <http://x/> .\n\n<a> <b> "c" ;\n    x:y <d> <é> .\n')
    with pytest.raises(PublishError) as caught:
        parse_files([path], BASE, tmp_path)
    lines = caught.value.message.splitlines()
    assert lines[0] == (
        "bad.ttl, line 4, column 13: Turtle syntax error: A dot is expected at the end of statements"
    )
    assert lines[1] == "        x:y <d> <é> ."
    assert lines[2] == " " * (4 + 12) + "^"
    assert "b'" not in caught.value.message


def test_an_ill_typed_literal_names_file_line_term_and_value(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(
        tmp_path,
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "@prefix dcterms: <http://purl.org/dc/terms/> .\n\n"
        '<id/authority/E08000025> dcterms:issued "2009-01-02"^^xsd:date ;\n'
        '    dcterms:modified "2009-13-45"^^xsd:date .\n',
    )
    with pytest.raises(PublishError) as caught:
        parse_files([path], BASE, tmp_path)
    assert caught.value.message == "1 literal(s) not valid for their datatype"
    assert caught.value.report == (
        "bad.ttl, line 5: <id/authority/E08000025> <http://purl.org/dc/terms/modified> "
        '"2009-13-45"^^xsd:date: not a valid xsd:date'
    )
    assert "Traceback" not in caplog.text and "Failed to convert" not in caplog.text


def test_well_typed_literals_parse_quietly(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n<a> <b> "7"^^xsd:integer .\n',
    )
    assert parse_files([path], BASE, tmp_path) == 1
