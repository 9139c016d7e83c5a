"""Linked data for Ofsted inspections of English local authority children's services."""
