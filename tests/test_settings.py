"""The one settings table: validation, environment names, and the README generated from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lacs_ld.errors import SettingError
from lacs_ld.settings import COMMANDS, SETTINGS_TABLE, Settings, markdown_table

README = Path(__file__).resolve().parents[1] / "README.md"
REQUIRED_ENV = {
    "LACS_LD_BASE_URI",
    "LACS_LD_HOST",
    "LACS_LD_PORT",
    "LACS_LD_WORKERS",
    "LACS_LD_DATA_DIR",
    "LACS_LD_BACKEND",
    "LACS_LD_QUERY_TIMEOUT",
    "LACS_LD_MAX_RESULT_BYTES",
    "LACS_LD_MAX_REQUEST_BYTES",
}


def test_defaults_serve_locally_on_the_embedded_store() -> None:
    settings = Settings.load(environ={})
    assert settings.base_uri == "http://127.0.0.1:5000/"
    assert settings.backend == "embedded"
    assert settings.port == 5000


def test_every_documented_environment_variable_is_in_the_table() -> None:
    assert {s.env for s in SETTINGS_TABLE} >= REQUIRED_ENV


def test_environment_variables_set_values_and_overrides_win() -> None:
    env = {"LACS_LD_PORT": "8080", "LACS_LD_QUERY_TIMEOUT": "2.5"}
    settings = Settings.load({"port": "9090"}, environ=env)
    assert settings.port == 9090
    assert settings.query_timeout == 2.5


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


def test_secrets_are_masked_when_settings_are_shown() -> None:
    settings = Settings.load({"remote_password": "hunter2"}, environ={})
    assert "hunter2" not in repr(settings.public())
    with pytest.raises(SettingError) as caught:
        Settings.load({"remote_password": 3}, environ={"LACS_LD_PORT": "x"})
    assert "hunter2" not in caught.value.message


def test_readme_settings_table_is_the_generated_table() -> None:
    text = README.read_text()
    assert markdown_table() + "\n" in text, "regenerate the README's table with `lacs-ld settings`"
    documented = re.findall(r"^\| `(LACS_LD_[A-Z_]+)` \|", text, re.M)
    assert documented == [s.env for s in SETTINGS_TABLE]


def test_every_setting_is_taken_by_a_command_and_typed_for_its_flag() -> None:
    for setting in SETTINGS_TABLE:
        assert setting.commands and set(setting.commands) <= set(COMMANDS), setting.name
        assert setting.kind in ("text", "integer", "number", "folder", "flag", "choice")
        assert (setting.kind == "choice") == bool(setting.choices), setting.name


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


def test_the_default_base_uri_follows_the_host_and_port() -> None:
    assert Settings.load({"port": 8123}, environ={}).base_uri == "http://127.0.0.1:8123/"
    assert Settings.load(environ={"LACS_LD_HOST": "::1"}).base_uri == "http://[::1]:5000/"
    given = Settings.load({"port": 8123}, environ={"LACS_LD_BASE_URI": "https://x.example/"})
    assert given.base_uri == "https://x.example/"
