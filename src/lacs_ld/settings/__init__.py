"""The service's settings: one table, its value parsers, loading, and the README's rendering.

Every reader imports from here; the modules below split the concerns, not the table.
"""

from lacs_ld.settings.load import WILDCARD_HOSTS, Settings
from lacs_ld.settings.readme import markdown_table
from lacs_ld.settings.setting import ENV_PREFIX, Setting, parse_setting
from lacs_ld.settings.table import (
    BACKENDS,
    COMMANDS,
    DERIVED_BASE,
    DUMP,
    KEEPS_STATE,
    PUBLISH,
    QUERY,
    READS_SOURCES,
    SERVE,
    SETTINGS_TABLE,
    USES_STORE,
    VALIDATE,
)

__all__ = [
    "BACKENDS",
    "COMMANDS",
    "DERIVED_BASE",
    "DUMP",
    "ENV_PREFIX",
    "KEEPS_STATE",
    "PUBLISH",
    "QUERY",
    "READS_SOURCES",
    "SERVE",
    "SETTINGS_TABLE",
    "USES_STORE",
    "VALIDATE",
    "WILDCARD_HOSTS",
    "Setting",
    "Settings",
    "markdown_table",
    "parse_setting",
]
