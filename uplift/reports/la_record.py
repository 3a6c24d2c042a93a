"""The LA's record over time (Peterborough's tables): for a series of dates, side by side,
the number and % of schools and of pupils by Ofsted outcome and phase, their report-card
equivalents by evaluation area, the LA's targets at each date, and how schools moved
between categories from the LA's second-last published round to its last.

Each date reads the same selectors as the single-date reports (ofsted_summary,
report_card_areas, targets_report), so the figures match those pages; the queries are a
fixed number per date, whatever the number of schools.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Max, Min, QuerySet

from uplift.categorisation.models import Round, RoundStatus, SchoolCategorisation
from uplift.inspections.models import Inspection
from uplift.reports.categories import readable_rounds
from uplift.reports.ofsted_summary import OfstedSummary, ofsted_summary
from uplift.reports.report_cards import ReportCardAreas, report_card_areas
from uplift.reports.targets import Targets, targets_report
from uplift.schools.models import Establishment, LocalAuthority

MAX_DATES = 6
NOT_IN_ROUND = "not_in_round"


def default_dates(*, la: LocalAuthority, today: date) -> list[date]:
    """Three dates the data allows: the day of the LA's latest inspection (or today, if
    earlier) and one and two years before it, none before its first inspection. One query."""
    span = Inspection.objects.filter(establishment__la=la).aggregate(
        first=Min("start_date"), last=Max("start_date")
    )
    last = min(span["last"] or today, today)
    first = span["first"] or last
    dates = []
    for years_back in (2, 1, 0):
        day = _years_before(last, years_back)
        dates.append(max(day, first))
    return sorted(set(dates))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class Figures:
    schools: int
    schools_pct: Decimal | None
    pupils: int
    pupils_pct: Decimal | None


@dataclass(frozen=True)
class SideRow:
    """One line of a side-by-side table: its labels and its figures at each date (None
    where the line has no figures at that date)."""

    group: str  # the phase, or the framework and area
    label: str  # the grade
    cells: tuple[Figures | None, ...]


@dataclass(frozen=True)
class TargetLine:
    name: str
    unit: str  # "%" or the measure's own
    cells: tuple  # TargetStatus per date


@dataclass(frozen=True)
class Transition:
    """How many schools in each category of `earlier` were in each category of `later`."""

    earlier: Round
    later: Round
    categories: tuple[tuple[str, str], ...]  # (code, label) of the later round's policy
    rows: tuple[tuple[str, str, tuple[int, ...], int], ...]  # code, label, counts, total
    column_totals: tuple[int, ...]

    @property
    def columns(self) -> tuple[tuple[str, str], ...]:
        return (*self.categories, (NOT_IN_ROUND, f"Not in round {self.later.code}"))


@dataclass(frozen=True)
class LaRecord:
    la: LocalAuthority
    dates: tuple[date, ...]
    summaries: tuple[OfstedSummary, ...]
    report_cards: tuple[ReportCardAreas, ...]
    targets: tuple[Targets, ...]
    ofsted_rows: tuple[SideRow, ...]
    good_or_better: tuple[SideRow, ...]  # per phase: % of graded schools good or better
    report_card_rows: tuple[SideRow, ...]
    target_lines: tuple[TargetLine, ...]
    transition: Transition | None


def la_record(
    *, la: LocalAuthority, schools: QuerySet[Establishment], dates: list[date], user=None
) -> LaRecord:
    """The LA's record at each date (oldest first). About eight queries per date, plus two
    for the transition table."""
    dates = sorted(set(dates))[:MAX_DATES]
    summaries = tuple(ofsted_summary(la=la, schools=schools, as_at=day) for day in dates)
    cards = tuple(report_card_areas(la=la, schools=schools, as_at=day) for day in dates)
    targets = tuple(targets_report(la=la, schools=schools, as_at=day) for day in dates)
    return LaRecord(
        la=la,
        dates=tuple(dates),
        summaries=summaries,
        report_cards=cards,
        targets=targets,
        ofsted_rows=_ofsted_rows(summaries),
        good_or_better=_good_or_better(summaries),
        report_card_rows=_card_rows(cards),
        target_lines=_target_lines(targets),
        transition=transition(la=la, user=user),
    )


def _ofsted_rows(summaries) -> tuple[SideRow, ...]:
    if not summaries:
        return ()
    first = summaries[0]
    rows = []
    for index, phase in enumerate((*first.phases, first.total)):
        for position, row in enumerate(phase.rows):
            cells = []
            for summary in summaries:
                table = (*summary.phases, summary.total)[index]
                found = table.rows[position]
                cells.append(
                    Figures(found.schools, found.schools_pct, found.pupils, found.pupils_pct)
                )
            rows.append(SideRow(phase.label, row.grade.label, tuple(cells)))
    return tuple(rows)


def _good_or_better(summaries) -> tuple[SideRow, ...]:
    if not summaries:
        return ()
    first = summaries[0]
    rows = []
    for index, phase in enumerate((*first.phases, first.total)):
        cells = []
        for summary in summaries:
            table = (*summary.phases, summary.total)[index]
            cells.append(
                Figures(
                    table.schools,
                    table.good_or_better_schools_pct,
                    table.pupils,
                    table.good_or_better_pupils_pct,
                )
            )
        rows.append(SideRow(phase.label, "Good or outstanding", tuple(cells)))
    return tuple(rows)


def _card_rows(cards) -> tuple[SideRow, ...]:
    """Every framework, area and grade that any date has, in the order first met."""
    keys: list[tuple[str, str]] = []
    found: dict[tuple[str, str], dict[int, Figures]] = {}
    for index, report in enumerate(cards):
        for table in report.frameworks:
            for area in table.areas:
                group = f"{table.framework.name}: {area.area.label}"
                for row in area.rows:
                    key = (group, row.grade.label)
                    if key not in found:
                        keys.append(key)
                        found[key] = {}
                    found[key][index] = Figures(
                        row.schools, row.schools_pct, row.pupils, row.pupils_pct
                    )
    return tuple(
        SideRow(group, label, tuple(found[(group, label)].get(i) for i in range(len(cards))))
        for group, label in keys
    )


def _target_lines(targets) -> tuple[TargetLine, ...]:
    if not targets:
        return ()
    lines = []
    for position, status in enumerate(targets[0].statuses):
        target = status.target
        unit = "%" if target.indicator is None else ""
        cells = tuple(report.statuses[position] for report in targets)
        lines.append(TargetLine(target.name, unit, cells))
    return tuple(lines)


def transition(*, la: LocalAuthority, user=None) -> Transition | None:
    """The category transition table between the LA's last two published rounds (those
    the user may read). Two queries; None with fewer than two published rounds."""
    rounds = readable_rounds(user=user, la=la) if user is not None else Round.objects.filter(la=la)
    published = list(
        rounds.filter(status=RoundStatus.PUBLISHED)
        .select_related("policy_version")
        .order_by("-as_at", "-pk")[:2]
    )
    if len(published) < 2:
        return None
    later, earlier = published
    standing = {}
    for round_id, school_id, final, proposed in SchoolCategorisation.objects.filter(
        round__in=published
    ).values_list("round_id", "establishment_id", "final_category", "proposed_category"):
        standing[(round_id, school_id)] = final or proposed
    before = {school: cat for (rnd, school), cat in standing.items() if rnd == earlier.pk}
    after = {school: cat for (rnd, school), cat in standing.items() if rnd == later.pk}
    categories = tuple((c.code, c.label) for c in later.policy_version.parsed.categories)
    earlier_labels = {c.code: c.label for c in earlier.policy_version.parsed.categories}
    codes = [code for code, _ in categories] + [NOT_IN_ROUND]
    rows = []
    for code in [*earlier_labels, *sorted(set(before.values()) - set(earlier_labels))]:
        moved = [after.get(school, NOT_IN_ROUND) for school, was in before.items() if was == code]
        if not moved and code not in earlier_labels:
            continue
        counts = tuple(sum(1 for now in moved if now == column) for column in codes)
        rows.append((code, earlier_labels.get(code, code), counts, len(moved)))
    new = [cat for school, cat in after.items() if school not in before]
    if new:
        counts = tuple(sum(1 for now in new if now == column) for column in codes)
        rows.append((NOT_IN_ROUND, f"Not in round {earlier.code}", counts, len(new)))
    totals = tuple(sum(row[2][i] for row in rows) for i in range(len(codes)))
    return Transition(earlier, later, categories, tuple(rows), totals)


def parse_dates(text: str) -> list[date]:
    """Dates written YYYY-MM-DD, separated by commas (ValueError naming a wrong one)."""
    found = []
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            found.append(date.fromisoformat(part))
        except ValueError:
            raise ValueError(f"{part!r} is not a date written YYYY-MM-DD") from None
    if len(found) > MAX_DATES:
        raise ValueError(f"Choose at most {MAX_DATES} dates")
    return sorted(set(found))
