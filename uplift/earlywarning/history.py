"""The imported history the model learns from, read in a few queries into arrays.

`History` holds every school of the register, every graded (or report-card) inspection and
the school-level results of the measures the model uses. Nothing here is dated as at a day:
`features.features_at` cuts it at a date, so one read serves many training snapshots.
"""

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from uplift.inspections import frameworks
from uplift.inspections.models import Inspection, InspectionKind, Judgement
from uplift.schools.kinds import school_kind
from uplift.schools.models import Establishment

# Measures used, as (code, words for a person, whether higher is better).
MEASURES = {
    "ks2.READPROG": ("KS2 reading progress", True),
    "ks2.WRITPROG": ("KS2 writing progress", True),
    "ks2.MATPROG": ("KS2 maths progress", True),
    "ks2.PTRWM_EXP": ("KS2 pupils meeting the expected standard (%)", True),
    "ks4.P8MEA": ("Progress 8", True),
    "ks4.ATT8SCR": ("Attainment 8", True),
    "ks4.PTL2BASICS_95": ("KS4 pupils with English and maths at grade 5 (%)", True),
}
COHORTS = ("ks2.TELIG", "ks4.TPUP")
FINANCE = ("cfr.INCOME", "cfr.BALANCE")
NO_DAY = np.iinfo(np.int64).min // 4


def day_number(day: date | None) -> int:
    return day.toordinal() if day else NO_DAY


def year_ends(academic_year: str) -> date:
    """The last day of an academic year "2015-16" (31 August 2016). Finance years are read
    the same way: a year counts only once the academic year of its label has ended."""
    return date(int(academic_year[:4]) + 1, 8, 31)


def severity(framework_code: str, overall: int | None, area_ranks: list[int]) -> float | None:
    """A grade on the four-point scale (1 outstanding .. 4 inadequate). Frameworks without an
    overall grade read their worst standing area; report-card grades are mapped so that the
    expected standard sits with good and each step below it is one four-point step."""
    info = frameworks.framework(framework_code)
    if info.has_overall_grade:
        return float(overall) if overall else None
    if not area_ranks:
        return None
    worst = max(area_ranks)
    if not info.is_report_card:
        return float(worst)
    below = info.below_good_rank
    if worst >= below:
        return float(min(4, 3 + worst - below))
    return 1.0 + (worst - 1) / max(1, below - 2)


FRAMEWORK_ORDER = {f.code: i for i, f in enumerate(frameworks.FRAMEWORKS)}


@dataclass
class History:
    ids: np.ndarray  # establishment ids, index = school position
    urns: np.ndarray
    la_codes: np.ndarray  # object array of LA codes ("" unknown)
    phase: np.ndarray  # object array of phase groups
    kind: np.ndarray  # maintained / academy / independent / unknown
    opened: np.ndarray  # day numbers
    closed: np.ndarray  # day numbers, NO_DAY when open
    # Inspections sorted by school position then day.
    i_school: np.ndarray
    i_day: np.ndarray
    i_severity: np.ndarray
    i_framework: np.ndarray
    i_concern: np.ndarray
    # results[code][academic_year] = values per school position (nan when none)
    results: dict = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.ids)

    def position(self) -> dict[int, int]:
        return {int(pk): i for i, pk in enumerate(self.ids)}


def load_history(*, before: date) -> History:
    """Everything known before `before` (inspections and results), in four queries."""
    from uplift.performance.models import Level, Result

    schools = list(
        Establishment.objects.order_by("id").values_list(
            "id", "urn", "la__code", "phase_group", "type_name", "type_group", "open_date",
            "close_date",
        )
    )  # fmt: skip
    ids = np.array([s[0] for s in schools], dtype=np.int64)
    where = {pk: i for i, pk in enumerate(ids.tolist())}
    graded = [InspectionKind.GRADED, InspectionKind.REPORT_CARD]
    rows = list(
        Inspection.objects.filter(kind__in=graded, start_date__lt=before).values_list(
            "id", "establishment_id", "start_date", "framework", "overall_grade",
            "category_of_concern",
        )
    )  # fmt: skip
    areas: dict[int, list[int]] = {}
    judged = Judgement.objects.filter(
        inspection__kind__in=graded,
        inspection__start_date__lt=before,
        inspection__overall_grade__isnull=True,
    ).values_list("inspection_id", "grade_rank")
    for inspection_id, rank in judged:
        areas.setdefault(inspection_id, []).append(rank)
    seen: dict[tuple[int, date], tuple] = {}
    for pk, school, day, code, overall, concern in rows:
        sev = severity(code, overall, areas.get(pk, []))
        if sev is None or school not in where:
            continue
        key = (where[school], day)
        # Two sources may hold the same visit: keep the worse reading of it.
        if key not in seen or sev > seen[key][1]:
            seen[key] = (day.toordinal(), sev, FRAMEWORK_ORDER[code], bool(concern) or sev >= 4)
    keys = sorted(seen)
    history = History(
        ids=ids,
        urns=np.array([s[1] for s in schools], dtype=np.int64),
        la_codes=np.array([s[2] or "" for s in schools], dtype=object),
        phase=np.array([s[3] or "other" for s in schools], dtype=object),
        kind=np.array([school_kind(type_name=s[4], type_group=s[5]) for s in schools], object),
        opened=np.array([day_number(s[6]) for s in schools], dtype=np.int64),
        closed=np.array([day_number(s[7]) for s in schools], dtype=np.int64),
        i_school=np.array([k[0] for k in keys], dtype=np.int64),
        i_day=np.array([seen[k][0] for k in keys], dtype=np.int64),
        i_severity=np.array([seen[k][1] for k in keys], dtype=float),
        i_framework=np.array([seen[k][2] for k in keys], dtype=float),
        i_concern=np.array([seen[k][3] for k in keys], dtype=bool),
    )
    codes = [*MEASURES, *COHORTS, *FINANCE]
    found = Result.objects.filter(
        level=Level.SCHOOL, measure__code__in=codes, value__isnull=False
    ).values_list("establishment_id", "measure__code", "academic_year", "value")
    for school, code, year, value in found:
        if school not in where or year_ends(year) >= before:
            continue
        by_year = history.results.setdefault(code, {})
        if year not in by_year:
            by_year[year] = np.full(history.size, np.nan)
        by_year[year][where[school]] = float(value)
    return history
