"""The README's settings table is the one generated from the settings table."""

from __future__ import annotations

import re
from pathlib import Path

from lacs_ld.settings import SETTINGS_TABLE, markdown_table

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_settings_table_is_the_generated_table() -> None:
    text = README.read_text()
    assert markdown_table() + "\n" in text, "regenerate the README's table with `lacs-ld settings`"
    documented = re.findall(r"^\| `(LACS_LD_[A-Z_]+)` \|", text, re.M)
    assert documented == [s.env for s in SETTINGS_TABLE]
