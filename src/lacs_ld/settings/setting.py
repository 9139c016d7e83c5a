"""One row of the settings table, and checking a raw value against it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lacs_ld.errors import SettingError

ENV_PREFIX = "LACS_LD_"


@dataclass(frozen=True)
class Setting:
    """One row of the settings table: its variable, its flag, the commands that take it."""

    name: str
    default: str
    help: str
    parse: Callable[[str], Any]
    commands: tuple[str, ...]
    kind: str = "text"  # how a flag takes it: text, integer, number, folder, flag or choice
    choices: tuple[str, ...] = ()
    secret: bool = False

    @property
    def env(self) -> str:
        return ENV_PREFIX + self.name.upper()

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


def parse_setting(setting: Setting, raw: Any) -> Any:
    """Validate one raw value, naming the setting, the value and what is allowed."""
    if not isinstance(raw, str):
        raw = str(raw).lower() if isinstance(raw, bool) else str(raw)
    try:
        return setting.parse(raw)
    except ValueError as exc:
        shown = "***" if setting.secret else repr(raw)
        raise SettingError(
            f"{setting.env} ({setting.flag}) = {shown} is not allowed: expected {exc}"
        ) from None
