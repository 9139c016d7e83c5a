"""The one table of settings: every reader (CLI, app, README) derives from it."""

from __future__ import annotations

from lacs_ld.settings import values
from lacs_ld.settings.setting import Setting

BACKENDS = ("embedded", "remote")

# The base URI a server answers at when none is set: its own host and port.
DERIVED_BASE = "http://{host}:{port}/"

# The commands that take settings; each setting lists the ones that use it.
SERVE, PUBLISH, QUERY, DUMP, VALIDATE = "serve", "publish", "query", "dump", "validate"
COMMANDS = (SERVE, PUBLISH, QUERY, DUMP, VALIDATE)
READS_SOURCES = (SERVE, PUBLISH, DUMP, VALIDATE)
KEEPS_STATE = (SERVE, PUBLISH, QUERY, DUMP)
USES_STORE = (SERVE, PUBLISH, QUERY)


SETTINGS_TABLE: tuple[Setting, ...] = (
    Setting(
        "base_uri",
        DERIVED_BASE,
        "Base URI every published IRI sits under; ends in '/'. By default the server's own "
        "host and port (set it when serving behind a name).",
        values.base_uri,
        READS_SOURCES,
    ),
    Setting("host", "127.0.0.1", "Interface the server listens on.", values.text, (SERVE,)),
    Setting(
        "port",
        "5000",
        "TCP port the server listens on.",
        values.int_range(1, 65535),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "workers",
        "1",
        "Server processes (gunicorn workers).",
        values.int_range(1, 64),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "threads",
        "128",
        "Request threads per server process (each slow client or running query holds one).",
        values.int_range(4, 1024),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "data_dir",
        "data",
        "Folder of Turtle data files to publish.",
        values.path,
        READS_SOURCES,
        kind="folder",
    ),
    Setting(
        "ontology_dir",
        "ontology",
        "Folder of the ontology and concept schemes.",
        values.path,
        READS_SOURCES,
        kind="folder",
    ),
    Setting(
        "shapes_dir",
        "shapes",
        "Folder of the SHACL shapes.",
        values.path,
        READS_SOURCES,
        kind="folder",
    ),
    Setting(
        "state_dir",
        "var",
        "Folder for published snapshots, dumps and caches.",
        values.path,
        KEEPS_STATE,
        kind="folder",
    ),
    Setting(
        "backend",
        "embedded",
        "Store backend: embedded (pyoxigraph) or remote (SPARQL 1.1 store).",
        values.choice(*BACKENDS),
        USES_STORE,
        kind="choice",
        choices=BACKENDS,
    ),
    Setting(
        "query_timeout",
        "10",
        "Seconds a SPARQL query may run before it is stopped.",
        values.positive_seconds,
        USES_STORE,
        kind="number",
    ),
    Setting(
        "max_result_bytes",
        "268435456",
        "Largest SPARQL answer sent, in bytes (256 MiB); a larger one is refused, never cut silently.",
        values.int_range(65536, 1 << 40),
        (SERVE, QUERY),
        kind="integer",
    ),
    Setting(
        "max_request_bytes",
        "65536",
        "Largest request body accepted, in bytes.",
        values.int_range(1024, 100_000_000),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "max_url_bytes",
        "8192",
        "Longest request URL accepted, in bytes.",
        values.int_range(256, 1_000_000),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "query_workers",
        "2",
        "SPARQL worker processes per server process (the concurrency cap).",
        values.int_range(1, 64),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "query_memory_mb",
        "1024",
        "Memory ceiling of one SPARQL worker process, in MiB.",
        values.int_range(64, 65536),
        (SERVE, QUERY),
        kind="integer",
    ),
    Setting(
        "sparql_query_url",
        "",
        "Remote backend: the store's SPARQL query endpoint.",
        values.optional_url,
        USES_STORE,
    ),
    Setting(
        "sparql_update_url",
        "",
        "Remote backend: the store's SPARQL update endpoint.",
        values.optional_url,
        USES_STORE,
    ),
    Setting(
        "sparql_update_bytes",
        "8388608",
        "Remote backend: largest update request the store takes, in bytes (8 MiB). A larger "
        "release is loaded in parts, then switched to in one request.",
        values.int_range(65536, 1 << 40),
        USES_STORE,
        kind="integer",
    ),
    Setting(
        "sparql_default_graph",
        "",
        "Remote backend: a graph IRI the store answers as the union of the published graphs "
        "(a Virtuoso graph group), sent as the default graph instead of naming each.",
        values.optional_url,
        USES_STORE,
    ),
    Setting(
        "remote_user",
        "",
        "Remote backend: user name for HTTP basic authentication.",
        values.text,
        USES_STORE,
    ),
    Setting(
        "remote_password",
        "",
        "Remote backend: password for HTTP basic authentication.",
        values.text,
        USES_STORE,
        secret=True,
    ),
    Setting(
        "trusted_proxies",
        "0",
        "Number of reverse proxies whose X-Forwarded-* headers are trusted.",
        values.int_range(0, 10),
        (SERVE,),
        kind="integer",
    ),
    Setting(
        "skip_validation_cache",
        "false",
        "Always re-run SHACL validation, even on unchanged input.",
        values.flag,
        (SERVE, PUBLISH, DUMP),
        kind="flag",
    ),
)
