"""Coasting and RISE "stuck" flags from a school's inspection history, each decided by the
rule in force on the day asked about (flags/rules/, one registered unit per definition).

    school_flags(establishment=school, on=date(2026, 5, 1)) -> [FlagResult, FlagResult]
    flags_for_schools(establishment_ids=[...], on=...) -> {establishment_id: [FlagResult, ...]}

Only inspections that started on or before `on` count, and only graded (section 5) and
report-card ones: an ungraded inspection never changes a grade. The data-based 2017
definition also reads key stage 2 and 4 results. At most three queries, however many
schools.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import Prefetch

from uplift.casework.flags.base import COASTING, RISE_STUCK, FlagResult, GradedInspection, History
from uplift.casework.flags.registry import rule_on
from uplift.inspections.models import Inspection, Judgement
from uplift.inspections.selectors import GRADED_KINDS
from uplift.performance.models import Level, Result

FLAGS = (COASTING, RISE_STUCK)

__all__ = ["FLAGS", "FlagResult", "flags_for_schools", "school_flags"]


def school_flags(*, establishment, on: date) -> list[FlagResult]:
    """The school's flags on `on`: coasting, then RISE "stuck"."""
    establishment_id = getattr(establishment, "pk", establishment)
    return flags_for_schools(establishment_ids=[establishment_id], on=on)[establishment_id]


def flags_for_schools(*, establishment_ids: Iterable[int], on: date) -> dict[int, list[FlagResult]]:
    """Every listed school's flags on `on`, by establishment id."""
    ids = list(dict.fromkeys(establishment_ids))
    rules = [rule_on(flag, on) for flag in FLAGS]
    measures = tuple(m for rule in rules for m in rule.measures)
    inspections = _inspections(ids, on)
    results = _results(ids, measures) if measures and ids else {}
    flags = {}
    for establishment_id in ids:
        history = History(
            establishment_id=establishment_id,
            on=on,
            inspections=tuple(inspections.get(establishment_id, ())),
            results=results.get(establishment_id, {}),
        )
        flags[establishment_id] = [rule.result(history) for rule in rules]
    return flags


def _inspections(ids: list[int], on: date) -> dict[int, list[GradedInspection]]:

    if not ids:
        return {}
    rows = (
        Inspection.objects.filter(
            establishment_id__in=ids, kind__in=GRADED_KINDS, start_date__lte=on
        )
        .order_by("establishment_id", "-start_date", "-id")
        .prefetch_related(Prefetch("judgements", queryset=Judgement.objects.order_by("id")))
    )
    found = defaultdict(list)
    for row in rows:
        found[row.establishment_id].append(
            GradedInspection(
                framework=row.framework,
                start_date=row.start_date,
                overall_grade=row.overall_grade,
                category_of_concern=row.category_of_concern,
                areas={j.area: j.grade for j in row.judgements.all()},
                number=row.inspection_number,
            )
        )
    return found


def _results(ids: list[int], measures: tuple[str, ...]) -> dict[int, dict]:

    rows = Result.objects.filter(
        establishment_id__in=ids, level=Level.SCHOOL, measure__code__in=measures
    ).values_list("establishment_id", "measure__code", "academic_year", "value")
    found = defaultdict(dict)
    for establishment_id, code, year, value in rows:
        found[establishment_id][(code, year)] = value
    return found
