"""Every importer, by the name used on the command line and the upload page."""

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
    # Importing the modules registers their importers.
    from uplift.inspections.importers import ofsted_mi  # noqa: F401
    from uplift.performance.importers import lait, tables  # noqa: F401
    from uplift.schools.importers import gias, gias_links, neighbours  # noqa: F401
