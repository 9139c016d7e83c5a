"""lacs-ld: linked data for Ofsted's inspections of English local authority children's services."""

__version__ = "0.1.0"
