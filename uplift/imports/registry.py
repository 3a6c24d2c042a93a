"""Every importer, by the name used on the command line and the upload page."""

from uplift.core.discovery import import_from_every_app
from uplift.imports.base import Importer

_IMPORTERS: dict[str, type[Importer]] = {}


def register(importer: type[Importer]) -> type[Importer]:
    _IMPORTERS[importer.name] = importer
    return importer


def get(name: str) -> type[Importer]:
    _load()
    return _IMPORTERS[name]


def all_importers() -> list[type[Importer]]:
    _load()
    return list(_IMPORTERS.values())


def _load() -> None:
    """Every app's `importers` package registers its importers when imported."""
    import_from_every_app("importers")
