"""The one table of settings: every reader (CLI, app, README) derives from it."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from lacs_ld.errors import SettingError

BACKENDS = ("embedded", "remote")
ENV_PREFIX = "LACS_LD_"


def _base_uri(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or not value.endswith("/"):
        raise ValueError("an absolute http(s) URI ending in '/'")
    if parts.query or parts.fragment:
        raise ValueError("an absolute http(s) URI ending in '/', without query or fragment")
    return value


def _int_range(low: int, high: int) -> Callable[[str], int]:
    def check(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise ValueError(f"an integer from {low} to {high}") from None
        if not low <= number <= high:
            raise ValueError(f"an integer from {low} to {high}")
        return number

    return check


def _positive_seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError("a positive number of seconds") from None
    if not 0 < number <= 3600:
        raise ValueError("a positive number of seconds (at most 3600)")
    return number


def _choice(*allowed: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise ValueError("one of " + ", ".join(allowed))
        return value

    return check


def _path(value: str) -> Path:
    """A folder, made absolute against the working directory once, as the user meant it.

    Nothing downstream resolves a path again: Flask's `send_file` would resolve a relative
    path against the package folder, and a changed working directory would move it.
    """
    if not value:
        raise ValueError("a directory path")
    return Path(value).expanduser().resolve()


def _optional_url(value: str) -> str:
    if value and urlsplit(value).scheme not in ("http", "https"):
        raise ValueError("an http(s) URL, or empty")
    return value


def _text(value: str) -> str:
    return value


def _flag(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off", ""):
        return False
    raise ValueError("true or false")


# The base URI a server answers at when none is set: its own host and port.
DERIVED_BASE = "http://{host}:{port}/"

# The commands that take settings; each setting lists the ones that use it.
SERVE, PUBLISH, QUERY, DUMP, VALIDATE = "serve", "publish", "query", "dump", "validate"
COMMANDS = (SERVE, PUBLISH, QUERY, DUMP, VALIDATE)
READS_SOURCES = (SERVE, PUBLISH, DUMP, VALIDATE)
KEEPS_STATE = (SERVE, PUBLISH, QUERY, DUMP)
USES_STORE = (SERVE, PUBLISH, QUERY)


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


SETTINGS_TABLE: tuple[Setting, ...] = (
    Setting(
        "base_uri",
        DERIVED_BASE,
        "Base URI every published IRI sits under; ends in '/'. By default the server's own "
        "host and port (set it when serving behind a name).",
        _base_uri,
        READS_SOURCES,
    ),
    Setting("host", "127.0.0.1", "Interface the server listens on.", _text, (SERVE,)),
    Setting(
        "port",
        "5000",
        "TCP port the server listens on.",
        _int_range(1, 65535),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "workers",
        "1",
        "Server processes (gunicorn workers).",
        _int_range(1, 64),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "threads",
        "128",
        "Request threads per server process (each slow client or running query holds one).",
        _int_range(4, 1024),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "data_dir",
        "data",
        "Folder of Turtle data files to publish.",
        _path,
        READS_SOURCES,
        kind="folder",
    ),
    Setting(
        "ontology_dir",
        "ontology",
        "Folder of the ontology and concept schemes.",
        _path,
        READS_SOURCES,
        kind="folder",
    ),
    Setting(
        "shapes_dir", "shapes", "Folder of the SHACL shapes.", _path, READS_SOURCES, kind="folder"
    ),
    Setting(
        "state_dir",
        "var",
        "Folder for published snapshots, dumps and caches.",
        _path,
        KEEPS_STATE,
        kind="folder",
    ),
    Setting(
        "backend",
        "embedded",
        "Store backend: embedded (pyoxigraph) or remote (SPARQL 1.1 store).",
        _choice(*BACKENDS),
        USES_STORE,
        kind="choice",
        choices=BACKENDS,
    ),
    Setting(
        "query_timeout",
        "10",
        "Seconds a SPARQL query may run before it is stopped.",
        _positive_seconds,
        USES_STORE,
        kind="number",
    ),
    Setting(
        "max_result_bytes",
        "268435456",
        "Largest SPARQL answer sent, in bytes (256 MiB); a larger one is refused, never cut silently.",
        _int_range(65536, 1 << 40),
        (SERVE, QUERY),
        kind="integer",
    ),
    Setting(
        "max_request_bytes",
        "65536",
        "Largest request body accepted, in bytes.",
        _int_range(1024, 100_000_000),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "max_url_bytes",
        "8192",
        "Longest request URL accepted, in bytes.",
        _int_range(256, 1_000_000),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "query_workers",
        "2",
        "SPARQL worker processes per server process (the concurrency cap).",
        _int_range(1, 64),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "query_memory_mb",
        "1024",
        "Memory ceiling of one SPARQL worker process, in MiB.",
        _int_range(64, 65536),
        (SERVE, QUERY),
        kind="integer",
    ),
    Setting(
        "sparql_query_url",
        "",
        "Remote backend: the store's SPARQL query endpoint.",
        _optional_url,
        USES_STORE,
    ),
    Setting(
        "sparql_update_url",
        "",
        "Remote backend: the store's SPARQL update endpoint.",
        _optional_url,
        USES_STORE,
    ),
    Setting(
        "graph_store_url",
        "",
        "Remote backend: the store's Graph Store Protocol endpoint.",
        _optional_url,
        USES_STORE,
    ),
    Setting(
        "remote_user",
        "",
        "Remote backend: user name for HTTP basic authentication.",
        _text,
        USES_STORE,
    ),
    Setting(
        "remote_password",
        "",
        "Remote backend: password for HTTP basic authentication.",
        _text,
        USES_STORE,
        secret=True,
    ),
    Setting(
        "trusted_proxies",
        "0",
        "Number of reverse proxies whose X-Forwarded-* headers are trusted.",
        _int_range(0, 10),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "skip_validation_cache",
        "false",
        "Always re-run SHACL validation, even on unchanged input.",
        _flag,
        (SERVE, PUBLISH, DUMP),
        kind="flag",
    ),
)


@dataclass(frozen=True)
class Settings:
    """Validated settings for one service instance; build with `Settings.load`."""

    base_uri: str
    host: str
    port: int
    workers: int
    threads: int
    data_dir: Path
    ontology_dir: Path
    shapes_dir: Path
    state_dir: Path
    backend: str
    query_timeout: float
    max_result_bytes: int
    max_request_bytes: int
    max_url_bytes: int
    query_workers: int
    query_memory_mb: int
    sparql_query_url: str
    sparql_update_url: str
    graph_store_url: str
    remote_user: str
    remote_password: str
    trusted_proxies: int
    skip_validation_cache: bool

    @classmethod
    def load(
        cls, overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
    ) -> Settings:
        """Defaults, then `LACS_LD_*` variables, then explicit overrides; each value validated."""
        env = os.environ if environ is None else environ
        given = {k: v for k, v in (overrides or {}).items() if v is not None}
        values: dict[str, Any] = {}
        derived = []
        for setting in SETTINGS_TABLE:
            raw = given.get(setting.name, env.get(setting.env, setting.default))
            if raw == DERIVED_BASE:
                derived.append(setting)
                continue
            values[setting.name] = parse_setting(setting, raw)
        unknown = set(given) - {s.name for s in SETTINGS_TABLE}
        if unknown:
            raise SettingError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        for setting in derived:
            host = values["host"]
            shown = f"[{host}]" if ":" in host else host
            values[setting.name] = parse_setting(
                setting, DERIVED_BASE.format(host=shown, port=values["port"])
            )
        return cls(**values)

    def with_(self, **changes: Any) -> Settings:
        """A copy with some settings changed (validated like any other)."""
        table = {s.name: s for s in SETTINGS_TABLE}
        parsed = {k: parse_setting(table[k], v) for k, v in changes.items()}
        return replace(self, **parsed)

    def public(self) -> dict[str, Any]:
        """Settings safe to print or log: secrets masked."""
        secret = {s.name for s in SETTINGS_TABLE if s.secret}
        return {
            f.name: ("***" if f.name in secret and getattr(self, f.name) else getattr(self, f.name))
            for f in fields(self)
        }


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
