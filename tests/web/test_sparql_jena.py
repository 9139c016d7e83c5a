"""Apache Jena's `rsparql` (Debian's libapache-jena-java) against the endpoint on loopback."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from tests.conftest import TEST_BASE

JARS = Path("/usr/share/java")
BIRMINGHAM = TEST_BASE + "id/authority/E08000025"
# Logging bindings that clash with each other when every jar of the folder is on the path.
CLASHING = ("log4j-over-slf4j", "slf4j-log4j12", "slf4j-jdk14", "slf4j-simple", "slf4j-nop")
CLASHING += ("slf4j-jcl", "maven3-slf4j-provider", "jcl-over-slf4j")
SHADED = "org/apache/jena/ext/"


@pytest.fixture(scope="module")
def classpath(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Debian's Jena jars, plus the Xerces message files its relocated classes look up.

    Debian's jena-core moves the bundled Xerces classes to the package `xerces` but leaves
    their message bundles under `org/apache/jena/ext/xerces`; without them at the new place
    Jena fails while initialising its XSD datatypes. They are copied out of the same jar.
    """
    core = JARS / "jena-core.jar"
    if not (JARS / "jena-arq.jar").is_file() or not core.is_file():
        pytest.fail("Apache Jena is missing: install Debian's libapache-jena-java (apt-get)")
    messages = tmp_path_factory.mktemp("jena-messages")
    with zipfile.ZipFile(core) as jar:
        for name in jar.namelist():
            if name.startswith(SHADED + "xerces/") and name.endswith(".properties"):
                target = messages / name[len(SHADED) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    jars = [
        str(jar)
        for jar in sorted(JARS.glob("*.jar"))
        if not any(jar.stem.startswith(c) for c in CLASHING) and not jar.stem[-1].isdigit()
    ]
    return ":".join([str(messages), *jars])


def rsparql(classpath: str, live_server: str, query: str, tmp_path: Path, *extra: str) -> str:
    path = tmp_path / "query.rq"
    path.write_text(query, encoding="utf-8")
    command = ["java", "-cp", classpath, "arq.rsparql", "--service", live_server + "sparql"]
    done = subprocess.run(
        [*command, "--query", str(path), *extra], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize("results", ["json", "xml", "csv", "tsv"])
def test_rsparql_select_in_every_results_format(
    classpath: str, live_server: str, tmp_path: Path, results: str
) -> None:
    query = f"SELECT ?name WHERE {{ <{BIRMINGHAM}> <{RDFS.label}> ?name }}"
    out = rsparql(classpath, live_server, query, tmp_path, "--results", results)
    assert "Birmingham" in out
    if results == "json":
        assert json.loads(out)["results"]["bindings"][0]["name"]["value"] == "Birmingham"


def test_rsparql_ask(classpath: str, live_server: str, tmp_path: Path) -> None:
    query = f'ASK {{ <{BIRMINGHAM}> <{RDFS.label}> "Birmingham" }}'
    out = rsparql(classpath, live_server, query, tmp_path, "--results", "json")
    assert json.loads(out)["boolean"] is True


@pytest.mark.parametrize(
    "query",
    [f"CONSTRUCT WHERE {{ <{BIRMINGHAM}> <{RDFS.label}> ?n }}", f"DESCRIBE <{BIRMINGHAM}>"],
)
def test_rsparql_construct_and_describe(
    classpath: str, live_server: str, tmp_path: Path, query: str
) -> None:
    out = rsparql(classpath, live_server, query, tmp_path)
    graph = Graph().parse(data=out, format="turtle")
    assert (URIRef(BIRMINGHAM), RDFS.label, Literal("Birmingham")) in graph
