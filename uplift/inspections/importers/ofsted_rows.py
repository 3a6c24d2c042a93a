"""Reading one row of an Ofsted management-information file: the school and its inspections.

Pure: nothing here touches the database. Problems are recorded on the row's Cells, naming
the column and the value.
"""

from dataclasses import dataclass, field, fields
from datetime import date
from typing import NamedTuple

from uplift.imports.cells import Cells
from uplift.inspections import frameworks
from uplift.inspections.importers import ofsted_words as words
from uplift.inspections.importers.ofsted_columns import (
    EFFECTIVE,
    FULL,
    REPORT_CARD,
    SCHOOL_COLUMNS,
    UNGRADED,
    Block,
    Columns,
)
from uplift.inspections.models import InspectionKind

MAX_PUPILS = 100_000  # the largest schools have a few thousand

# A grade in a column whose area the inspection's framework does not judge is stored under
# the framework's own name for that area, when it has one.
AREA_ALIASES = {"sixth_form": "sixteen_to_nineteen", "sixteen_to_nineteen": "sixth_form"}


class Grade(NamedTuple):
    grade: str
    rank: int
    graded_on: date | None


@dataclass
class ParsedInspection:
    role: str
    inspection_number: str
    framework: str
    kind: str
    start_date: date
    type_text: str = ""
    publication_date: date | None = None
    overall_grade: int | None = None
    outcome: str = ""
    category_of_concern: str = ""
    safeguarding: str = ""
    urn_at_inspection: int | None = None
    laestab_at_inspection: str = ""
    name_at_inspection: str = ""
    type_at_inspection: str = ""
    judgements: dict[str, Grade] = field(default_factory=dict)

    MODEL_FIELDS = (
        "inspection_number",
        "framework",
        "kind",
        "start_date",
        "type_text",
        "publication_date",
        "overall_grade",
        "outcome",
        "category_of_concern",
        "safeguarding",
        "urn_at_inspection",
        "laestab_at_inspection",
        "name_at_inspection",
        "type_at_inspection",
    )

    def key(self) -> tuple:
        """Unique within one establishment: its number, else its date and kind."""
        if self.inspection_number:
            return (self.inspection_number,)
        return ("", self.start_date, self.kind)

    def values(self) -> dict:
        return {name: getattr(self, name) for name in self.MODEL_FIELDS}

    def absorb(self, other: "ParsedInspection") -> None:
        """Fill what this one lacks from another account of the same inspection."""
        for f in fields(self):
            if f.name != "judgements" and getattr(self, f.name) in ("", None):
                setattr(self, f.name, getattr(other, f.name))
        for area, grade in other.judgements.items():
            self.judgements.setdefault(area, grade)


@dataclass
class ParsedSchool:
    urn: int
    laestab: str
    name: str
    type_name: str
    phase: str
    la_name: str
    pupils: int | None
    postcode: str

    @property
    def la_code(self) -> str:
        return self.laestab[:3]


@dataclass
class ParsedRow:
    school: ParsedSchool
    inspections: list[ParsedInspection]
    before_2005: int = 0  # inspections before section 5 began, outside every framework
    off_framework: int = 0  # grades for areas their inspection's framework does not judge


def read_school(cells: Cells, columns: Columns) -> ParsedSchool | None:
    col = {name: columns(names) for name, names in SCHOOL_COLUMNS.items()}
    urn = cells.urn(col["urn"], required=True)
    laestab = cells.laestab(col["laestab"]) if col["laestab"] else ""
    school = ParsedSchool(
        urn=urn,
        laestab=laestab,
        name=cells.text(col["name"], required=True, max_length=200),
        type_name=_text(cells, col["type_name"], max_length=100),
        phase=_text(cells, col["phase"], max_length=60),
        la_name=_text(cells, col["la_name"], max_length=120),
        pupils=cells.count(col["pupils"], maximum=MAX_PUPILS) if col["pupils"] else None,
        postcode=_text(cells, col["postcode"], max_length=10),
    )
    return school if urn is not None else None


def read_inspections(cells: Cells, columns: Columns, blocks, row: ParsedRow) -> None:
    """Add each inspection the row describes to `row`, once per inspection."""
    found: dict[tuple, ParsedInspection] = {}
    for block in blocks:
        inspection = _read_block(cells, columns, block, row)
        if inspection is None:
            continue
        same = found.get(inspection.key())
        if same is None:
            found[inspection.key()] = inspection
        elif same.start_date != inspection.start_date:
            cells.error(
                columns(block.number),
                inspection.inspection_number,
                f"this inspection number is also the {same.role}, "
                f"which starts on {same.start_date:%d/%m/%Y}, not {inspection.start_date:%d/%m/%Y}",
            )
        else:
            same.absorb(inspection)
    row.inspections = list(found.values())


def _text(cells: Cells, column: str | None, **options) -> str:
    return cells.text(column, **options) if column else ""


def _read(cells: Cells, column: str | None, reader):
    """A value read by one of ofsted_words' readers, or None after recording its error."""
    if not column:
        return None
    text = cells.text(column)
    try:
        return reader(text)
    except ValueError as exc:
        cells.error(column, text, str(exc))
        return None


def _read_block(cells: Cells, columns: Columns, block: Block, row: ParsedRow):
    number_column, start_column = columns(block.number), columns(block.start)
    number = _text(cells, number_column, max_length=20)
    start_text = _text(cells, start_column)
    if not start_text:
        if number:
            cells.error(start_column or block.start[0], "", f"the {block.role} has no start date")
        else:
            _no_inspection_but_grades(cells, columns, block)
        return None
    start = _date(cells, start_column)
    if start is None:  # not a date: the error is recorded
        return None
    framework = frameworks.framework_on(start)
    if framework is None:
        row.before_2005 += 1
        return None
    inspection = ParsedInspection(
        role=block.role,
        inspection_number=number,
        framework=framework.code,
        kind=_kind(cells, block, framework, start_column, start),
        start_date=start,
        type_text=_text(cells, columns(block.type_text), max_length=80),
        publication_date=_date(cells, columns(block.publication)),
        outcome=_text(cells, columns(block.outcome), max_length=120),
        category_of_concern=_read(cells, columns(block.category), words.category_of_concern) or "",
        safeguarding=_read(cells, columns(block.safeguarding), _safeguarding_reader(block)) or "",
        urn_at_inspection=cells.urn(columns(block.urn_at)) if columns(block.urn_at) else None,
        laestab_at_inspection=_laestab(cells, columns(block.laestab_at)),
        name_at_inspection=_text(cells, columns(block.name_at), max_length=200),
        type_at_inspection=_text(cells, columns(block.type_at), max_length=100),
    )
    _read_grades(cells, columns, block, framework, inspection, row)
    return inspection


def _kind(cells, block: Block, framework, start_column, start) -> str:
    if block.kind == UNGRADED:
        return InspectionKind.UNGRADED
    if framework.is_report_card:
        if block.kind != FULL:
            cells.error(
                start_column,
                f"{start:%d/%m/%Y}",
                f"the {block.role} cannot start on or after 10/11/2025, "
                "when report cards replaced graded inspections",
            )
        return InspectionKind.REPORT_CARD
    return InspectionKind.GRADED


def _laestab(cells: Cells, column: str | None) -> str:
    return cells.laestab(column) if column else ""


def _date(cells: Cells, column: str | None) -> date | None:
    return cells.inspection_date(column) if column else None


def _safeguarding_reader(block: Block):
    if block.safeguarding_scale == EFFECTIVE:
        return words.safeguarding_effective
    return words.safeguarding_standards


def _read_grades(cells, columns, block: Block, framework, inspection, row: ParsedRow) -> None:
    overall_column = columns(block.overall)
    overall = _read(cells, overall_column, words.four_point)
    if overall is not None:
        if not framework.has_overall_grade:
            cells.error(
                overall_column,
                cells.text(overall_column),
                f"an overall grade for an inspection on {inspection.start_date:%d/%m/%Y}, "
                f"when the {framework.name} gave none",
            )
        else:
            inspection.overall_grade = int(overall)
            _judge(inspection, framework, "overall_effectiveness", overall, None, row)
    for area in block.areas:
        column = columns(area.names)
        reader = words.report_card if area.scale == REPORT_CARD else words.four_point
        grade = _read(cells, column, reader)
        if grade is None:
            continue
        if (area.scale == REPORT_CARD) != framework.is_report_card:
            cells.error(
                column,
                cells.text(column),
                f"a grade on the wrong scale for an inspection on "
                f"{inspection.start_date:%d/%m/%Y} ({framework.name})",
            )
            continue
        graded_on = _date(cells, columns(area.date_names))
        _judge(inspection, framework, area.area, grade, graded_on, row)


def _judge(inspection, framework, area: str, grade: str, graded_on, row: ParsedRow) -> None:
    if framework.area(area) is None:
        area = AREA_ALIASES.get(area, "")
    if framework.area(area) is None:
        row.off_framework += 1
        return
    inspection.judgements[area] = Grade(grade, framework.grade(grade).rank, graded_on)


def _no_inspection_but_grades(cells: Cells, columns: Columns, block: Block) -> None:
    """Grades with neither an inspection number nor a start date cannot be placed."""
    graded = [columns(block.overall)] + [columns(a.names) for a in block.areas]
    for column in filter(None, graded):
        value = cells.text(column)
        if value and value.lower() not in words.NOT_GIVEN:
            cells.error(column, value, f"a grade but no {block.role} start date or number")
            return
