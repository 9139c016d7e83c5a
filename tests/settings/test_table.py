"""The one settings table: every documented variable in it, each row typed for its flag."""

from __future__ import annotations

from lacs_ld.settings import COMMANDS, SETTINGS_TABLE

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


def test_every_documented_environment_variable_is_in_the_table() -> None:
    assert {s.env for s in SETTINGS_TABLE} >= REQUIRED_ENV


def test_every_setting_is_taken_by_a_command_and_typed_for_its_flag() -> None:
    for setting in SETTINGS_TABLE:
        assert setting.commands and set(setting.commands) <= set(COMMANDS), setting.name
        assert setting.kind in ("text", "integer", "number", "folder", "flag", "choice")
        assert (setting.kind == "choice") == bool(setting.choices), setting.name
