"""The remote backend: a SPARQL 1.1 store over HTTP (`store`), how it is spoken to
(`endpoint`, `binding`, `answers`) and how a release is published into it (`release`,
`publishing`)."""

from lacs_ld.store.remote.store import RemoteStore

__all__ = ["RemoteStore"]
