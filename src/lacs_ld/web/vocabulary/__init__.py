"""`{base}def/…`: the ontology, concept schemes and shapes pages, as one blueprint."""

from lacs_ld.web.vocabulary.routes import blueprint

__all__ = ["blueprint"]
