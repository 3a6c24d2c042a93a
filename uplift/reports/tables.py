"""Each report as a flat table (a header and rows of text), for CSV downloads and the CLI.

The rows are made from the same selector results the pages show, so the numbers match.
"""

from uplift.core.csv_files import csv_text
from uplift.reports.attainment import Attainment, rounded
from uplift.reports.categories import CategoriesByPhase, PriorityList
from uplift.reports.ofsted_summary import OfstedSummary
from uplift.reports.percentages import cell
from uplift.reports.report_cards import ReportCardAreas
from uplift.reports.targets import Targets

OFSTED_SUMMARY_HEADER = ("phase", "grade", "schools", "schools_pct", "pupils", "pupils_pct")
REPORT_CARD_HEADER = (
    "phase",
    "framework",
    "area",
    "grade",
    "schools",
    "schools_pct",
    "pupils",
    "pupils_pct",
)
TARGETS_HEADER = (
    "target",
    "measure",
    "comparison",
    "period",
    "value",
    "threshold",
    "margin",
    "met",
    "rank",
    "of",
    "note",
)
ATTAINMENT_HEADER = (
    "key_stage",
    "measure",
    "label",
    "academic_year",
    "la",
    "england",
    "difference",
    "schools",
    "suppressed",
    "lowest",
    "lower_quartile",
    "median",
    "upper_quartile",
    "highest",
    "at_or_better_than_england",
)


CATEGORIES_HEADER = (
    "round",
    "phase",
    "category",
    "label",
    "causing_concern",
    "schools",
    "schools_pct",
    "pupils",
    "pupils_pct",
)
PRIORITY_HEADER = (
    "priority",
    "urn",
    "name",
    "phase",
    "latest_inspection",
    "inspected_on",
    "category",
    "previous_category",
    "movement",
)


def categories_rows(report: CategoriesByPhase) -> list[tuple[str, ...]]:
    return [
        tuple(
            map(
                cell,
                (
                    report.round.code,
                    phase.label,
                    row.code,
                    row.label,
                    row.causing_concern,
                    row.schools,
                    row.schools_pct,
                    row.pupils,
                    row.pupils_pct,
                ),
            )
        )
        for phase in (*report.phases, report.total)
        for row in phase.rows
    ]


def priority_rows(report: PriorityList) -> list[tuple[str, ...]]:
    return [
        tuple(
            map(
                cell,
                (
                    entry.priority.rank,
                    entry.establishment.urn,
                    entry.establishment.name,
                    entry.phase_label,
                    entry.latest,
                    entry.inspected_on,
                    entry.category,
                    entry.previous_category,
                    entry.movement,
                ),
            )
        )
        for entry in report.entries
    ]


def ofsted_summary_rows(summary: OfstedSummary) -> list[tuple[str, ...]]:
    """One row per phase and grade (the no-graded-inspection row included), then the same
    for all phases together."""
    return [
        tuple(
            map(
                cell,
                (
                    phase.label,
                    row.grade.label,
                    row.schools,
                    row.schools_pct,
                    row.pupils,
                    row.pupils_pct,
                ),
            )
        )
        for phase in (*summary.phases, summary.total)
        for row in phase.rows
    ]


def report_card_rows(report: ReportCardAreas) -> list[tuple[str, ...]]:
    return [
        tuple(
            map(
                cell,
                (
                    report.phase_label,
                    table.framework.name,
                    area.area.label,
                    row.grade.label,
                    row.schools,
                    row.schools_pct,
                    row.pupils,
                    row.pupils_pct,
                ),
            )
        )
        for table in report.frameworks
        for area in table.areas
        for row in area.rows
    ]


def targets_rows(report: Targets) -> list[tuple[str, ...]]:
    rows = []
    for status in report.statuses:
        target = status.target
        measure = target.indicator.code if target.indicator else target.measure
        met = "" if status.met is None else ("yes" if status.met else "no")
        rows.append(
            tuple(
                map(
                    cell,
                    (
                        target.name,
                        measure,
                        target.comparison,
                        status.period,
                        status.value,
                        status.threshold,
                        status.margin,
                        met,
                        status.rank,
                        status.ranking.of if status.ranking else None,
                        status.note,
                    ),
                )
            )
        )
    return rows


def attainment_rows(report: Attainment) -> list[tuple[str, ...]]:
    def value(result, measure):
        if result is None:
            return None
        return rounded(result.value, measure) if result.value is not None else result.suppression

    return [
        tuple(
            map(
                cell,
                (
                    report.key_stage,
                    table.measure.code,
                    table.measure.label,
                    year.academic_year,
                    value(year.la, table.measure),
                    value(year.england, table.measure),
                    year.difference,
                    year.schools.schools,
                    year.schools.suppressed,
                    year.schools.lowest,
                    year.schools.lower_quartile,
                    year.schools.median,
                    year.schools.upper_quartile,
                    year.schools.highest,
                    year.schools.at_or_better_than_england,
                ),
            )
        )
        for table in report.measures
        for year in table.years
    ]


def as_csv(header, rows) -> str:
    return csv_text(header, rows)


LA_RECORD_HEADER = (
    "section",
    "group",
    "row",
    "column",
    "schools",
    "schools_pct",
    "pupils",
    "pupils_pct",
    "figure",
    "threshold",
    "met",
)


def la_record_rows(record) -> list[tuple[str, ...]]:
    """The LA's record as one flat table: each side-by-side line once per date (the date in
    `column`), the targets at each date, then the category transition table (the later
    round's category in `column`, the number of schools in `schools`)."""
    rows = []
    sections = (
        ("ofsted_outcome", record.ofsted_rows),
        ("good_or_better", record.good_or_better),
        ("report_card_area", record.report_card_rows),
    )
    for section, lines in sections:
        for line in lines:
            for day, figures in zip(record.dates, line.cells, strict=True):
                if figures is None:
                    continue
                values = (figures.schools, figures.schools_pct, figures.pupils, figures.pupils_pct)
                rows.append(
                    tuple(map(cell, (section, line.group, line.label, day, *values, "", "", "")))
                )
    for line in record.target_lines:
        for day, status in zip(record.dates, line.cells, strict=True):
            met = "" if status.met is None else ("yes" if status.met else "no")
            values = ("", "", "", "", status.value, status.threshold, met)
            rows.append(tuple(map(cell, ("target", line.name, status.period, day, *values))))
    move = record.transition
    if move is not None:
        group = f"Round {move.earlier.code} to round {move.later.code}"
        for _code, label, counts, _total in move.rows:
            for (_, column), count in zip(move.columns, counts, strict=True):
                values = (group, label, column, count, "", "", "", "", "", "")
                rows.append(tuple(map(cell, ("category_transition", *values))))
    return rows
