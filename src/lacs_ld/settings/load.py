"""Loading the settings: defaults, then the environment, then overrides, each value checked."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from lacs_ld.errors import SettingError
from lacs_ld.settings.setting import parse_setting
from lacs_ld.settings.table import DERIVED_BASE, SETTINGS_TABLE

# A wildcard bind address is no address a client can open: the derived base uses loopback.
WILDCARD_HOSTS = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}


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
    sparql_update_bytes: int
    sparql_default_graph: str
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
            # A wildcard bind address is not one a client can open: link to loopback instead.
            host = WILDCARD_HOSTS.get(values["host"], values["host"])
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
