"""The commands' shared options: one click option per row of the settings table, in one place.

Also how a command turns the options it was given into `Settings`, and how it fails.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from lacs_ld.errors import LacsError, SettingError
from lacs_ld.settings import SETTINGS_TABLE, Setting, Settings

CLICK_TYPES: dict[str, click.ParamType] = {
    "text": click.STRING,
    "integer": click.INT,
    "number": click.FLOAT,
    "folder": click.Path(file_okay=False),
}


def option(setting: Setting) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The flag of one row of the settings table, typed by its kind; unset means not given."""
    shown = f"[env {setting.env}; default {setting.default or 'empty'}]"
    kwargs: dict[str, Any] = {"default": None, "help": f"{setting.help} {shown}"}
    if setting.kind == "flag":
        kwargs["is_flag"] = True
    elif setting.kind == "choice":
        kwargs["type"] = click.Choice(setting.choices)
    else:
        kwargs["type"] = CLICK_TYPES[setting.kind]
    return click.option(setting.flag, setting.name, **kwargs)


def settings_options(command: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """One option per setting the command uses (the environment variable is the fallback)."""

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        for setting in reversed(SETTINGS_TABLE):
            if command in setting.commands:
                function = option(setting)(function)
        return function

    return decorate


def load_settings(**given: Any) -> Settings:
    """The settings a command was given, or exit 2 with one line naming the bad one."""
    try:
        return Settings.load(given)
    except SettingError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(2)


def fail(exc: LacsError, code: int = 1) -> None:
    """Report a failure as the error's message and detail, never a traceback, and exit."""
    click.echo(f"error: {exc.message}", err=True)
    if exc.detail:
        click.echo(exc.detail, err=True)
    sys.exit(code)
