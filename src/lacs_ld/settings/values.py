"""The value parsers of the settings table: each turns a raw string into a checked value.

A parser raises `ValueError` saying what is allowed; `parse_setting` adds which setting.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit


def base_uri(value: str) -> str:
    """Every IRI is minted under it, so it must be absolute and end in '/'."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or not value.endswith("/"):
        raise ValueError("an absolute http(s) URI ending in '/'")
    if parts.query or parts.fragment:
        raise ValueError("an absolute http(s) URI ending in '/', without query or fragment")
    return value


def int_range(low: int, high: int) -> Callable[[str], int]:
    """An integer bounded so a typo cannot starve or flood the server."""

    def check(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise ValueError(f"an integer from {low} to {high}") from None
        if not low <= number <= high:
            raise ValueError(f"an integer from {low} to {high}")
        return number

    return check


def positive_seconds(value: str) -> float:
    """A time limit: above zero, and at most an hour."""
    try:
        number = float(value)
    except ValueError:
        raise ValueError("a positive number of seconds") from None
    if not 0 < number <= 3600:
        raise ValueError("a positive number of seconds (at most 3600)")
    return number


def choice(*allowed: str) -> Callable[[str], str]:
    """One of a fixed list of names (such as the store backends)."""

    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError("one of " + ", ".join(allowed))
        return value

    return check


def path(value: str) -> Path:
    """A folder, made absolute against the working directory once, as the user meant it.

    Nothing downstream resolves a path again: Flask's `send_file` would resolve a relative
    path against the package folder, and a changed working directory would move it.
    """
    if not value:
        raise ValueError("a directory path")
    return Path(value).expanduser().resolve()


def optional_url(value: str) -> str:
    """An http(s) URL, or empty when the setting is unused."""
    if value and urlsplit(value).scheme not in ("http", "https"):
        raise ValueError("an http(s) URL, or empty")
    return value


def text(value: str) -> str:
    """Free text, taken as given."""
    return value


def flag(value: str) -> bool:
    """A yes/no switch, spelled as environment variables usually spell one."""
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off", ""):
        return False
    raise ValueError("true or false")
