"""What every stored value must be after an import, whatever file it came from: the rules
of uplift/imports/values.py, checked over the whole database."""

from datetime import date
from decimal import Decimal

from django.apps import apps
from django.db.models import CharField, TextField
from django.utils import timezone

from uplift.imports import damage
from uplift.imports.values import (
    EARLIEST_INSPECTION_DATE,
    EARLIEST_REGISTER_DATE,
    INSPECTION_MARGIN,
    REGISTER_MARGIN,
)
from uplift.inspections.models import Inspection
from uplift.performance.catalogue import CATALOGUE
from uplift.performance.importers.lait import value_bounds
from uplift.performance.models import Result
from uplift.schools.models import Establishment, EstablishmentLink, LocalAuthority


def stored_values_keep_the_rules() -> None:
    """Every value an import stored is one the rules allow."""
    today = timezone.localdate()
    register = (EARLIEST_REGISTER_DATE, today + REGISTER_MARGIN)
    inspections = (date(2005, 9, 1), today + INSPECTION_MARGIN)
    for code in LocalAuthority.objects.values_list("code", flat=True):
        assert code.isascii() and code.isdigit() and 201 <= int(code) <= 999, code
    fields = ("urn", "la__code", "laestab", "statutory_low_age", "statutory_high_age", "pupils")
    fields += ("percent_fsm", "open_date", "close_date")
    for (
        urn,
        la,
        laestab,
        low,
        high,
        pupils,
        fsm,
        opened,
        closed,
    ) in Establishment.objects.values_list(*fields):
        assert 100000 <= urn <= 999999
        assert not laestab or (laestab.isascii() and len(laestab) == 7 and laestab.isdigit())
        assert not (la and laestab) or laestab.startswith(la)
        assert low is None or high is None or 0 <= low <= high <= 99
        assert pupils is None or 0 <= pupils <= 100_000
        assert fsm is None or 0 <= fsm <= 100
        for day in (opened, closed):
            assert day is None or register[0] <= day <= register[1]
    for urn, linked in EstablishmentLink.objects.values_list("urn", "linked_urn"):
        assert 100000 <= urn <= 999999 and 100000 <= linked <= 999999
    for start, published, urn in Inspection.objects.values_list(
        "start_date", "publication_date", "urn_at_inspection"
    ):
        assert inspections[0] <= start <= inspections[1]
        assert published is None or EARLIEST_INSPECTION_DATE <= published <= inspections[1]
        assert urn is None or 100000 <= urn <= 999999
    specs = {spec.code: spec.bounds for spec in CATALOGUE}
    for code, year, value in Result.objects.values_list("measure__code", "academic_year", "value"):
        assert year.isascii()
        if value is None:
            continue
        limits = specs.get(code) or value_bounds(code.removeprefix("lait."))
        limits.check(Decimal(value))
    _no_control_characters()


def _no_control_characters() -> None:
    for label in ("schools.Establishment", "schools.LocalAuthority", "inspections.Inspection"):
        model = apps.get_model(label)
        texts = [f.name for f in model._meta.fields if isinstance(f, CharField | TextField)]
        for row in model.objects.values_list(*texts):
            assert not any(damage.CONTROL.search(text or "") for text in row), row
