"""The files every release offers: name, title, media type, parts held and how each is made."""

from __future__ import annotations

from dataclasses import dataclass

from lacs_ld.services.dumps.release import PARTS


@dataclass(frozen=True)
class Spec:
    """How one download is made, before its bytes exist."""

    name: str
    title: str
    media_type: str
    graphs: tuple[str, ...]
    serializer: str  # ntriples, nquads, turtle or jsonld
    compressed: bool = False


SPECS: tuple[Spec, ...] = (
    Spec("lacs-ld.ttl", "Whole dataset, Turtle", "text/turtle", PARTS, "turtle", compressed=False),
    Spec("lacs-ld.ttl.gz", "Whole dataset, Turtle, gzipped", "text/turtle", PARTS, "turtle", True),
    Spec(
        "lacs-ld.nt.gz",
        "Whole dataset, N-Triples (sorted), gzipped",
        "application/n-triples",
        PARTS,
        "ntriples",
        True,
    ),
    Spec(
        "lacs-ld.nq.gz",
        "Whole dataset with its named graphs, N-Quads (sorted), gzipped",
        "application/n-quads",
        PARTS,
        "nquads",
        True,
    ),
    Spec("lacs-ld.jsonld", "Whole dataset, JSON-LD", "application/ld+json", PARTS, "jsonld"),
    Spec(
        "lacs-ld-data.nt.gz",
        "Instance data only, N-Triples (sorted), gzipped",
        "application/n-triples",
        ("data",),
        "ntriples",
        True,
    ),
    Spec(
        "lacs-ld-vocabulary.ttl",
        "Ontology and concept schemes only, Turtle",
        "text/turtle",
        ("vocabulary",),
        "turtle",
    ),
    Spec("lacs-ld-shapes.ttl", "SHACL shapes only, Turtle", "text/turtle", ("shapes",), "turtle"),
)
