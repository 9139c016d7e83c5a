"""Setting values are checked: a bad one is named with what is allowed; folders made absolute."""

from __future__ import annotations

from pathlib import Path

import pytest

from lacs_ld.errors import SettingError
from lacs_ld.settings import Settings


@pytest.mark.parametrize(
    ("name", "value", "allowed"),
    [
        ("base_uri", "http://example.org", "ending in '/'"),
        ("base_uri", "example.org/", "absolute"),
        ("query_timeout", "-1", "positive"),
        ("backend", "sqlite", "embedded, remote"),
        ("port", "70000", "from 1 to 65535"),
    ],
)
def test_bad_setting_names_the_setting_the_value_and_what_is_allowed(
    name: str, value: str, allowed: str
) -> None:
    with pytest.raises(SettingError) as caught:
        Settings.load({name: value}, environ={})
    message = caught.value.message
    assert f"LACS_LD_{name.upper()}" in message
    assert repr(value) in message
    assert allowed in message


def test_folder_settings_are_made_absolute_against_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings.load({"data_dir": "mine/data"}, environ={"LACS_LD_SHAPES_DIR": "../s"})
    here = tmp_path.resolve()
    assert settings.data_dir == here / "mine" / "data"
    assert settings.shapes_dir == here.parent / "s"
    assert settings.state_dir == here / "var"
    assert settings.ontology_dir == here / "ontology"
    assert settings.with_(state_dir=settings.state_dir).state_dir == here / "var"
