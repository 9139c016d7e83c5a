"""What every benchmark module shares: where things are, the load's shape, the entity measured."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BASE_PORT = 5077
CONNECTIONS = 8
WORKERS = 2
ENTITY = "authority/E08000025"
PREFIXES = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
)
TTL = "text/turtle"
SRJ = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def base_uri(port: int) -> str:
    return f"http://127.0.0.1:{port}/"
