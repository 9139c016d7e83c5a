"""Namespaces: the standard ones, and the project's, which depend on the base URI."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, VOID, XSD

ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
SCHEMA = Namespace("https://schema.org/")

STANDARD: dict[str, Namespace] = {
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "foaf": Namespace(str(FOAF)),
    "prov": Namespace(str(PROV)),
    "org": ORG,
    "oa": OA,
    "void": Namespace(str(VOID)),
    "dcat": Namespace(str(DCAT)),
    "sh": Namespace(str(SH)),
    "sd": SD,
    "spdx": SPDX,
    "hydra": HYDRA,
}

OGL = "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class ProjectNamespaces:
    """The project's own namespaces under one base URI."""

    base: str

    @property
    def lacs(self) -> Namespace:
        return Namespace(self.base + "def/lacs#")

    def scheme(self, name: str) -> Namespace:
        return Namespace(f"{self.base}def/{name}/")

    def prefixes(self) -> dict[str, str]:
        """Every prefix a reader of this dataset needs, for serialisers and the query editor."""
        found = {name: str(ns) for name, ns in STANDARD.items()}
        found["lacs"] = str(self.lacs)
        found["id"] = self.base + "id/"
        for scheme in ("judgement", "area", "framework", "topic", "region"):
            found[scheme] = str(self.scheme(scheme))
        return found
