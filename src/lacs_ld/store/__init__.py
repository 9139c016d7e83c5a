"""Store backends, chosen by one setting through this registry and imported lazily."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from lacs_ld.errors import SettingError
from lacs_ld.store.base import (
    AnswerStream,
    Bindings,
    QueryAnswer,
    QueryRequest,
    Reader,
    Row,
    Store,
)

if TYPE_CHECKING:
    from lacs_ld.settings import Settings

__all__ = [
    "BACKENDS",
    "AnswerStream",
    "Bindings",
    "QueryAnswer",
    "QueryRequest",
    "Reader",
    "Row",
    "Store",
    "open_store",
]

# name -> "module:factory"; a factory takes the settings and returns an empty store.
BACKENDS: dict[str, str] = {
    "embedded": "lacs_ld.store.embedded:EmbeddedStore",
    "remote": "lacs_ld.store.remote:RemoteStore",
}


def open_store(settings: Settings) -> Store:
    """The backend the settings name, imported only when chosen."""
    target = BACKENDS.get(settings.backend)
    if target is None:
        raise SettingError(f"unknown backend {settings.backend!r}; one of {', '.join(BACKENDS)}")
    module_name, factory_name = target.split(":")
    factory: Callable[[Settings], Store] = getattr(import_module(module_name), factory_name)
    return factory(settings)
