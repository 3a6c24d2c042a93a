"""Find, don't import: the modules of a package, or of every installed app, are imported by
name so that whatever they register (importers, rules) is known without a list of them."""

import importlib
import pkgutil
from functools import cache

from django.apps import apps


@cache
def import_package(package: str) -> tuple[str, ...]:
    """Import every public module of `package` (and of its sub-packages), in name order."""
    root = importlib.import_module(package)
    names = []
    for found in pkgutil.walk_packages(root.__path__, f"{package}."):
        if not found.name.rsplit(".", 1)[-1].startswith("_"):
            importlib.import_module(found.name)
            names.append(found.name)
    return tuple(names)


def import_from_every_app(subpackage: str) -> tuple[str, ...]:
    """Import `subpackage` (e.g. "importers") of every installed app that has one, with all
    its modules, in the order of INSTALLED_APPS."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.{subpackage}"
        if importlib.util.find_spec(name) is not None:
            found.extend(import_package(name))
    return tuple(found)
