"""The publication described for harvesters: a DCAT-AP 3.0.1 catalogue, the dataset in VoID
and DCAT, its distributions and data service, and the SPARQL Service Description."""

from lacs_ld.services.description.catalogue import DESCRIPTION, TITLE, catalogue_iri
from lacs_ld.services.description.dataset import dataset_graph, dataset_iri, dumps_graph
from lacs_ld.services.description.sd import service_description

__all__ = [
    "DESCRIPTION",
    "TITLE",
    "catalogue_iri",
    "dataset_graph",
    "dataset_iri",
    "dumps_graph",
    "service_description",
]
