"""The README's settings table, rendered from the one table so the two cannot drift."""

from __future__ import annotations

from lacs_ld.settings.table import COMMANDS, SETTINGS_TABLE


def markdown_table() -> str:
    """The README's settings table, generated from SETTINGS_TABLE."""
    lines = [
        "| Environment variable | Default | Flag | Commands | Meaning |",
        "|---|---|---|---|---|",
    ]
    for s in SETTINGS_TABLE:
        commands = ", ".join(c for c in COMMANDS if c in s.commands)
        lines.append(f"| `{s.env}` | `{s.default}` | `{s.flag}` | {commands} | {s.help} |")
    return "\n".join(lines)
