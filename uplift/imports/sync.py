"""Bulk create-or-update of parsed records, counting what changed, row by row."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models

ADDED, UPDATED, UNCHANGED = "added", "updated", "unchanged"
_PRECEDENCE = {UNCHANGED: 0, UPDATED: 1, ADDED: 2}
BATCH_SIZE = 2000


@dataclass
class Tally:
    """The outcome of each file row: added if any of its records was new, else updated if
    any changed, else unchanged."""

    outcomes: dict[int, str] = field(default_factory=dict)

    def mark(self, row: int, outcome: str) -> None:
        previous = self.outcomes.get(row)
        if previous is None or _PRECEDENCE[outcome] > _PRECEDENCE[previous]:
            self.outcomes[row] = outcome

    def count(self, outcome: str) -> int:
        return sum(1 for value in self.outcomes.values() if value == outcome)


@dataclass
class Record:
    """The values one file row gives one model instance, keyed by its natural key."""

    row: int
    key: tuple
    values: dict


def sync_records(
    model: type[models.Model],
    records: Iterable[Record],
    *,
    existing: dict[tuple, models.Model],
    tally: Tally,
    build: Callable[[dict], models.Model] | None = None,
    update_fields: Iterable[str] | None = None,
) -> dict[tuple, models.Model]:
    """Create records whose key is not in `existing`, update those whose values differ.

    `existing` maps natural keys to saved instances (the caller loads only what this file
    can touch). Returns every instance by key, new ones with their primary keys.
    """
    build = build or (lambda values: model(**values))
    to_create: list[models.Model] = []
    to_update: list[models.Model] = []
    changed_fields: set[str] = set(update_fields or ())
    by_key = dict(existing)
    for record in records:
        instance = by_key.get(record.key)
        if instance is None:
            instance = build(record.values)
            by_key[record.key] = instance
            to_create.append(instance)
            tally.mark(record.row, ADDED)
            continue
        if instance.pk is None:  # a second row for a key this file already adds
            _assign(instance, record.values)
            tally.mark(record.row, ADDED)
            continue
        changes = _assign(instance, record.values)
        if changes:
            changed_fields.update(model._meta.get_field(name).name for name in changes)
            if not any(instance is other for other in to_update[-1:]):
                to_update.append(instance)
            tally.mark(record.row, UPDATED)
        else:
            tally.mark(record.row, UNCHANGED)
    if to_create:
        model.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    if to_update and changed_fields:
        unique = list({id(obj): obj for obj in to_update}.values())
        model.objects.bulk_update(unique, sorted(changed_fields), batch_size=BATCH_SIZE)
    return by_key


def _assign(instance: models.Model, values: dict) -> list[str]:
    changed = []
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed
