"""FAIR Signposting: the typed links every resource sends, in headers, linksets and HTML."""
