"""Reading one row of a DfE performance-tables download: whose figures, and which.

A file mixes school rows with summary rows for the LA and England, written differently
in each dataset:

* KS2: RECTYPE 1/2 schools, 3 the LA (LEA), 4 England (all schools), 5 England
  (state-funded); KS4: RECTYPE 1/2 schools, 4 the LA, 5 England (all schools), 7 England
  (state-funded). LA figures cover state-funded schools.
* census: `LA,State-funded primary,PRI,919,...` (LA code under SCHOOLTYPE) and
  `NAT,,PRI,...`; absence: `919,PRI,,...` and `NAT,PRI,,...` (PRI/SEC/SPE under ESTAB).

A measure column may come with earlier years' values in columns suffixed with the year
the earlier academic year ended (`PTRWM_EXP_23` in a 2023-24 file is 2022-23).
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from uplift.imports.cells import Cells
from uplift.imports.errors import CellError
from uplift.imports.reading import Table
from uplift.imports.suppression import suppression_code
from uplift.imports.values import parse_bounded, parse_la_code
from uplift.inspections.frameworks import FOUR_POINT_WORDS
from uplift.performance.catalogue import MeasureSpec, measures_of
from uplift.performance.models import Level
from uplift.performance.school_types import SchoolKind, kind_from_nftype, kind_from_schooltype

STATE_FUNDED, ALL_SCHOOLS = "state-funded", "all schools"
PHASE_SEGMENTS = ("PRI", "SEC", "SPE")
SCHOOL_RECTYPES = {"1", "2"}
SUMMARY_RECTYPES: dict[str, dict[str, tuple[str, str]]] = {
    "ks2": {
        "3": (Level.LA, STATE_FUNDED),
        "4": (Level.ENGLAND, ALL_SCHOOLS),
        "5": (Level.ENGLAND, STATE_FUNDED),
    },
    "ks4": {
        "4": (Level.LA, STATE_FUNDED),
        "5": (Level.ENGLAND, ALL_SCHOOLS),
        "7": (Level.ENGLAND, STATE_FUNDED),
    },
}
VALUE_QUANTUM = Decimal("0.0001")  # Result.value keeps 4 decimal places
LA_NAME_LENGTH = 120
RATING, INSPECTED = "OFSTEDRATING", "INSPECTIONDT"


def academic_year_ending(year: str) -> int:
    """'2023-24' -> 2024."""
    return int(year[:4]) + 1


def academic_year_ended(end: int) -> str:
    """2023 -> '2022-23'."""
    return f"{end - 1}-{end % 100:02d}"


@dataclass(frozen=True)
class MeasureColumn:
    spec: MeasureSpec
    column: str
    academic_year: str


@dataclass(frozen=True)
class Layout:
    """Which of a file's columns Uplift reads, decided once from its header."""

    dataset: str
    year: str
    measures: tuple[MeasureColumn, ...]
    la_column: str | None
    estab_column: str | None
    has_rectype: bool
    has_ratings: bool

    @classmethod
    def of(cls, table: Table, dataset: str, year: str) -> "Layout":
        return cls(
            dataset=dataset,
            year=year,
            measures=tuple(_measure_columns(table, dataset, year)),
            la_column=_first_present(table, "LA", "LEA"),
            estab_column=_first_present(table, "ESTAB", "Estab"),
            has_rectype=table.has("RECTYPE") and dataset in SUMMARY_RECTYPES,
            has_ratings=table.has(RATING) and table.has(INSPECTED),
        )


def _first_present(table: Table, *names: str) -> str | None:
    return next((name for name in names if table.has(name)), None)


def _measure_columns(table: Table, dataset: str, year: str):
    ends = academic_year_ending(year)
    for spec in measures_of(dataset):
        if table.has(spec.source_column):
            yield MeasureColumn(spec, spec.source_column, year)
        prior = re.compile(re.escape(spec.source_column) + r"_(\d{2})")
        for column in table.header:
            match = prior.fullmatch(column)
            if match and 2000 + int(match.group(1)) < ends:
                ended = 2000 + int(match.group(1))
                yield MeasureColumn(spec, column, academic_year_ended(ended))


@dataclass(frozen=True)
class Subject:
    """Whose figures a row gives: a school, an LA or England, and for which segment."""

    level: str
    urn: int | None = None
    la_code: str = ""
    segment: str = ""

    @property
    def subject_key(self) -> str:
        if self.level == Level.SCHOOL:
            return f"urn:{self.urn}"
        if self.level == Level.LA:
            return f"la:{self.la_code}"
        return "england"

    def describe(self) -> str:
        if self.level == Level.SCHOOL:
            return f"URN {self.urn}"
        where = f"LA {self.la_code}" if self.level == Level.LA else "England"
        return f"the {where} {self.segment} summary row".replace("  ", " ")


@dataclass(frozen=True)
class Value:
    measure_code: str
    academic_year: str
    value: Decimal | None
    suppression: str


@dataclass(frozen=True)
class SchoolDetails:
    """What a school row says about the school, for filling the register's gaps."""

    la_code: str = ""
    establishment_number: str = ""
    name: str = ""
    town: str = ""
    postcode: str = ""
    kind: SchoolKind = field(default_factory=SchoolKind)


@dataclass(frozen=True)
class Rating:
    """An Ofsted overall grade a file gives for a school, with its inspection date."""

    start_date: date
    grade: int
    word: str


@dataclass(frozen=True)
class ParsedRow:
    subject: Subject
    values: tuple[Value, ...]
    school: SchoolDetails | None = None
    rating: Rating | None = None
    la_name: str = ""

    def value_of(self, measure_code: str, academic_year: str) -> Value | None:
        return next(
            (
                v
                for v in self.values
                if v.measure_code == measure_code and v.academic_year == academic_year
            ),
            None,
        )


def parse_row(cells: Cells, layout: Layout) -> ParsedRow | None:
    subject = _subject(cells, layout)
    if subject is None:
        return None
    values = tuple(_values(cells, layout))
    if subject.level != Level.SCHOOL:
        la_name = (
            cells.text("SCHNAME", max_length=LA_NAME_LENGTH) if subject.level == Level.LA else ""
        )
        return ParsedRow(subject, values, la_name=la_name)
    school = _school_details(cells, layout)
    rating = _rating(cells) if layout.has_ratings else None
    return ParsedRow(subject, values, school=school, rating=rating)


def _subject(cells: Cells, layout: Layout) -> Subject | None:
    if layout.has_rectype:
        rectype = cells.text("RECTYPE")
        summary = SUMMARY_RECTYPES[layout.dataset].get(rectype)
        if summary:
            level, segment = summary
            if level == Level.LA:
                code = _la_code(cells, layout, required=True)
                return Subject(level, la_code=code, segment=segment) if code else None
            return Subject(level, segment=segment)
        if rectype and rectype not in SCHOOL_RECTYPES:
            known = ", ".join(sorted(SCHOOL_RECTYPES | set(SUMMARY_RECTYPES[layout.dataset])))
            cells.error("RECTYPE", rectype, f"not a record type of this file (one of {known})")
            return None
        return _school(cells)
    return _phase_summary(cells, layout) or _school(cells)


def _phase_summary(cells: Cells, layout: Layout) -> Subject | None:
    """A census or absence summary row (LA or England, for PRI, SEC or SPE), else None."""
    urn = cells.raw("URN").upper()
    la = cells.raw(layout.la_column).upper() if layout.la_column else ""
    estab = cells.raw(layout.estab_column).upper() if layout.estab_column else ""
    segment = next((text for text in (estab, la, urn) if text in PHASE_SEGMENTS), "")
    if "NAT" in (urn, la):
        if not segment:
            cells.error("ESTAB", estab, "a national summary row needs PRI, SEC or SPE")
            return None
        return Subject(Level.ENGLAND, segment=segment)
    if urn == "LA" or (segment and not urn):
        candidates = [cells.raw(c) for c in (layout.la_column, "SCHOOLTYPE") if c]
        code = next(filter(None, map(_la_code_or_none, candidates)), None)
        if code is None:
            cells.error(layout.la_column or "LA", la, "an LA summary row needs an LA code")
            return None
        return Subject(Level.LA, la_code=code, segment=segment)
    return None


def _la_code_or_none(text: str) -> str | None:
    try:
        return parse_la_code(text)
    except CellError:
        return None


def _school(cells: Cells) -> Subject | None:
    urn = cells.urn("URN", required=True)
    return Subject(Level.SCHOOL, urn=urn) if urn is not None else None


def _la_code(cells: Cells, layout: Layout, *, required: bool = False) -> str:
    if layout.la_column is None:
        return ""
    return cells.la_code(layout.la_column, required=required) or ""


def _values(cells: Cells, layout: Layout):
    for measure in layout.measures:
        text = cells.raw(measure.column)
        if text == "":
            continue
        code = suppression_code(text)
        if code is not None:
            yield Value(measure.spec.code, measure.academic_year, None, code)
            continue
        try:
            number = parse_bounded(text, measure.spec.bounds).quantize(VALUE_QUANTUM)
        except CellError as exc:
            reason = str(exc)
            if reason == "not a number":
                reason = "not a number nor a known code (SUPP, NE, NP, LOWCOV ...)"
            cells.error(measure.column, text, reason)
            continue
        yield Value(measure.spec.code, measure.academic_year, number, "")


def _school_details(cells: Cells, layout: Layout) -> SchoolDetails:
    estab = cells.establishment_number(layout.estab_column) if layout.estab_column else ""
    if cells.table.has("NFTYPE"):
        kind = kind_from_nftype(
            cells.text("NFTYPE"),
            dataset=layout.dataset,
            special=cells.text("RECTYPE") == "2",
        )
    else:
        kind = kind_from_schooltype(cells.text("SCHOOLTYPE", max_length=100))
    return SchoolDetails(
        la_code=_la_code(cells, layout),
        establishment_number=estab,
        name=cells.text("SCHNAME", max_length=200),
        town=cells.text("TOWN", max_length=80),
        postcode=cells.text("PCODE", max_length=10),
        kind=kind,
    )


def _rating(cells: Cells) -> Rating | None:
    """OFSTEDRATING and INSPECTIONDT: both or neither."""
    word, day_text = cells.raw(RATING), cells.raw(INSPECTED)
    if not word and not day_text:
        return None
    grade = FOUR_POINT_WORDS.get(" ".join(word.lower().split()))
    if not word:
        cells.error(RATING, "", f"a rating is required when {INSPECTED} is given")
    elif grade is None:
        cells.error(RATING, word, "not an Ofsted grade (Outstanding, Good, ...)")
    if not day_text:
        cells.error(INSPECTED, "", f"an inspection date is required when {RATING} is given")
        return None
    day = cells.inspection_date(INSPECTED)
    if day is None or grade is None:
        return None
    return Rating(day, int(grade), word)
