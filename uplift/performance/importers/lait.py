"""`uplift import lait`: DfE's LA Interactive Tool indicators, in its long format.

One row per indicator (`Short Desc`), year and area (`LA Number`): an LA, a region
(980-990) or England (970). Each indicator becomes a Measure `lait.<Short Desc>`, enriched
from data/lait_measures.csv (derived from LAIT's data dictionary); each row a Result.

Years: '2013/14' and '2016-17' become '2013-14' and '2016-17'; a calendar year stays as
it is ('2024'); spans keep their first and last year ('2014-16'; '2013/14-15/16' becomes
'2013-16'). A status note in brackets ('2018 (Rev)', '2025 (prov)', '2016-17 (OT)') is
dropped, so that a revised figure replaces the provisional one for the same year.
Years '0' means no year: such a row without a number is a placeholder and is skipped (and
counted in the summary); with a number it is an error, since it cannot be placed in time.
Rows for LAIT's discontinued England series (1000) are skipped and counted likewise.
Values are kept to four decimal places (what Result.value holds). Results already stored
that this file does not mention are left as they are.

The file has some 641,000 rows, so results are compared as tuples and written with
multi-row INSERTs and one UPDATE per changed row, rather than through model instances.
"""

import csv
import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from pathlib import Path

from django.db import connection

from uplift.imports.base import Importer
from uplift.imports.cells import Cells
from uplift.imports.errors import CellError, RowError
from uplift.imports.registry import register
from uplift.imports.suppression import suppression_code
from uplift.imports.sync import ADDED, UNCHANGED, UPDATED, Record, Tally, sync_records
from uplift.imports.values import PERCENTAGE, STORED_FIGURE, Bounds, bounds, parse_bounded
from uplift.performance.models import Dataset, Level, Measure, Polarity, Result, Unit
from uplift.schools.local_authorities import ensure_local_authorities, known_las

MEASURES_FILE = Path(__file__).resolve().parent.parent / "data" / "lait_measures.csv"
ENGLAND_CODE = "970"
DISCONTINUED_ENGLAND_CODES = {"1000", "1000.0"}
REGION_CODES = {str(code) for code in range(980, 991)}
NO_YEAR = "0"
VALUE_STEP = Decimal("0.0001")  # Result.value keeps four decimal places
LABEL_LENGTH = Measure._meta.get_field("label").max_length

_NOTE = r"(?:\s*\([A-Za-z ]+\))?"
_SINGLE = re.compile(rf"^(\d{{4}}){_NOTE}$", re.ASCII)
_PAIR = re.compile(rf"^(\d{{4}})[/-](\d{{2}}|\d{{4}}){_NOTE}$", re.ASCII)
_ACADEMIC_SPAN = re.compile(rf"^(\d{{4}})/\d{{2}}-(\d{{2}})/(\d{{2}}){_NOTE}$", re.ASCII)


@lru_cache(maxsize=1024)
def normalise_year(text: str) -> str | None:
    """LAIT's `Years` as an academic_year key (see the module docstring), or None."""
    if match := _SINGLE.match(text):
        return match[1]
    if match := _PAIR.match(text):
        start, end = match[1], match[2][-2:]
        return f"{start}-{end}" if end != start[2:] else None
    if match := _ACADEMIC_SPAN.match(text):
        return f"{match[1]}-{match[3]}"
    return None


@dataclass(frozen=True)
class Area:
    level: str
    subject_key: str
    la_code: str = ""
    region: str = ""


@lru_cache(maxsize=4096)
def area_for(code: str, name: str) -> Area:
    """The area a row is about, from its LA Number (an LA, a region or England)."""
    if code == ENGLAND_CODE:
        return Area(Level.ENGLAND.value, "england")
    if code in REGION_CODES:
        region = known_las().get(code, {}).get("name") or name
        return Area(Level.REGION.value, f"region:{region}", region=region)
    return Area(Level.LA.value, f"la:{code}", la_code=code)


@cache
def measure_details() -> dict[str, dict[str, str]]:
    """measure_short -> topic, polarity, dps, unit, label, from the shipped CSV."""
    with open(MEASURES_FILE, newline="", encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return {row["measure_short"]: row for row in csv.DictReader(lines)}


@dataclass(slots=True)
class LaitRow:
    short: str
    label: str
    year: str
    area: Area
    area_name: str
    la_region: str
    value: Decimal | None
    suppression: str


@register
class LaitImporter(Importer):
    name = "lait"
    label = "LA Interactive Tool indicators (LAIT, long format)"
    description = (
        "DfE's LAIT indicators for every LA, region and England: one Measure per indicator, "
        "one result per area and year. Suppression codes are kept with their meaning."
    )
    required_columns = ("Short Desc", "Data item", "Years", "LA and Regions", "Values", "LA Number")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.skipped_no_year = 0
        self.skipped_discontinued = 0

    def parse_row(self, cells: Cells) -> LaitRow | None:
        short = cells.text("Short Desc", required=True, max_length=75)
        area_name = cells.text("LA and Regions", required=True, max_length=120)
        label = _first_line(cells.raw("Data item"))
        if len(label) > LABEL_LENGTH:
            cells.error("Data item", label, f"longer than {LABEL_LENGTH} characters")
        years, la_number = cells.raw("Years"), cells.raw("LA Number")
        if la_number in DISCONTINUED_ENGLAND_CODES:
            self.skipped_discontinued += 1
            return None
        value, code = _value(cells, short)
        if years == NO_YEAR and value is None and code:
            self.skipped_no_year += 1
            return None
        year = normalise_year(years)
        if year is None:
            reason = (
                "a number without a year cannot be stored"
                if years == NO_YEAR
                else "not a year LAIT uses (e.g. 2024, 2013/14, 2016-17, 2014-16)"
            )
            cells.error("Years", years, reason)
        la_code = cells.la_code("LA Number", required=True)
        area = area_for(la_code, area_name) if la_code else None
        if area is not None and area.level == Level.REGION.value and len(area.region) > 80:
            cells.error("LA and Regions", area_name, "longer than 80 characters")
        if cells.errors:
            return None
        la_region = cells.text("Region", max_length=80)
        if la_region.upper() == "NA":  # what LAIT gives England and the regions
            la_region = ""
        return LaitRow(short, label, year, area, area_name, la_region, value, code)

    def check_file(self, parsed: list[tuple[int, LaitRow]]) -> list[RowError]:
        first_row: dict[tuple, int] = {}
        errors = []
        for number, row in parsed:
            key = (row.short, row.year, row.area.subject_key)
            if key not in first_row:
                first_row[key] = number
                continue
            errors.append(
                RowError(
                    self.table.file_name,
                    number,
                    "Years",
                    row.year,
                    f"{row.short} for {row.area.subject_key} in {row.year} is already on "
                    f"row {first_row[key]}",
                )
            )
        return errors

    def write(self, parsed: list[tuple[int, LaitRow]], tally: Tally) -> str:
        measures = self._sync_measures(parsed, tally)
        la_ids = {code: la.pk for code, la in self._ensure_las(parsed).items()}
        with _gc_paused():
            self._sync_results(parsed, measures, la_ids, tally)
        summary = f"{len(measures)} LAIT measures, {len(la_ids)} LAs."
        if self.skipped_no_year:
            summary += f" Skipped {self.skipped_no_year} rows with Years '0' and no number."
        if self.skipped_discontinued:
            summary += (
                f" Skipped {self.skipped_discontinued} rows of the discontinued England "
                "series (1000)."
            )
        return summary

    def _sync_results(self, parsed, measures: dict[str, Measure], la_ids: dict, tally) -> None:
        """Compare with what is stored in one query; insert the new, update the changed."""
        existing = {
            (measure_id, year, subject_key): facts
            for measure_id, year, subject_key, *facts in Result.objects.filter(
                measure_id__in=[m.pk for m in measures.values()], segment=""
            ).values_list("measure_id", "academic_year", "subject_key", "id", *FACT_FIELDS)
        }
        new, changed = [], []
        for number, row in parsed:
            measure_id = measures[row.short].pk
            key = (measure_id, row.year, row.area.subject_key)
            facts = (
                row.area.level,
                la_ids.get(row.area.la_code),
                row.area.region,
                row.value,
                row.suppression,
            )
            stored = existing.get(key)
            if stored is None:
                new.append((*key, "", *facts, self.run.pk))
                tally.mark(number, ADDED)
            elif tuple(stored[1:]) != facts:
                changed.append((*facts, self.run.pk, stored[0]))
                tally.mark(number, UPDATED)
            else:
                tally.mark(number, UNCHANGED)
        _insert_results(new)
        _update_results(changed)

    def _sync_measures(self, parsed, tally: Tally) -> dict[str, Measure]:
        """One Measure per Short Desc, labelled by the first row that gives a Data item."""
        first: dict[str, tuple[int, str]] = {}
        for number, row in parsed:
            seen = first.get(row.short)
            if seen is None or (not seen[1] and row.label):
                first[row.short] = (seen[0] if seen else number, row.label)
        records = [
            Record(number, (f"lait.{short}",), _measure_values(short, label))
            for short, (number, label) in first.items()
        ]
        codes = [record.key[0] for record in records]
        existing = {(m.code,): m for m in Measure.objects.filter(code__in=codes)}
        synced = sync_records(Measure, records, existing=existing, tally=tally)
        return {measure.source_column: measure for measure in synced.values()}

    def _ensure_las(self, parsed) -> dict:
        names, regions = {}, {}
        for _, row in parsed:
            code = row.area.la_code
            if code and code not in names:
                names[code], regions[code] = row.area_name, row.la_region
        return ensure_local_authorities(names, regions=regions)


FACT_FIELDS = ("level", "la_id", "region", "value", "suppression")
INSERT_FIELDS = ("measure_id", "academic_year", "subject_key", "segment", *FACT_FIELDS)


def _value(cells: Cells, short: str) -> tuple[Decimal | None, str]:
    """A number (to four places) within its measure's bounds, or a suppression code;
    anything else is an error. LAIT writes small numbers with an exponent (4.798E-2)."""
    text = cells.raw("Values")
    if text == "":
        cells.error("Values", text, "a value is required (a number or a suppression code)")
        return None, ""
    code = suppression_code(text)
    if code is not None:
        return None, code
    try:
        value = parse_bounded(text, value_bounds(short), allow_exponent=True)
    except CellError as exc:
        reason = str(exc)
        if reason == "not a number":
            reason = "neither a number nor a known suppression code"
        cells.error("Values", text, reason)
        return None, ""
    return value.quantize(VALUE_STEP, rounding=ROUND_HALF_UP), ""


@lru_cache(maxsize=1024)
def value_bounds(short: str) -> Bounds:
    """A measure's bounds: its own (data/lait_measures.csv), else its unit's."""
    details = measure_details().get(short, {})
    low, high = details.get("low") or None, details.get("high") or None
    if low is not None or high is not None:
        return bounds(low, high, what="this measure")
    unit = details.get("unit")
    if unit == Unit.PERCENT:
        return PERCENTAGE
    if unit in (Unit.COUNT, Unit.RATE):
        return bounds(0, None, what=f"a {unit}")
    return STORED_FIGURE


@contextmanager
def _gc_paused():
    """Hold the cyclic garbage collector while building ~640,000 tuples: its repeated
    passes over them would otherwise take about as long as the work itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _column(name: str) -> str:
    return connection.ops.quote_name(Result._meta.get_field(name).column)


def _insert_results(rows: list[tuple]) -> None:
    """Multi-row INSERTs, as many rows per statement as the database takes parameters."""
    if not rows:
        return
    fields = (*INSERT_FIELDS, "import_run")
    columns = ", ".join(_column(name) for name in fields)
    table = connection.ops.quote_name(Result._meta.db_table)
    placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
    if connection.vendor == "postgresql":  # COPY is several times faster there
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    batch = max(1, min(2000, (connection.features.max_query_params or 2000) // len(fields)))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            values = ", ".join([placeholders] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {values}",
                [value for row in chunk for value in row],
            )


def _update_results(rows: list[tuple]) -> None:
    if not rows:
        return
    assignments = ", ".join(f"{_column(name)} = %s" for name in (*FACT_FIELDS, "import_run"))
    table = connection.ops.quote_name(Result._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {assignments} WHERE {_column('id')} = %s", rows)


def _first_line(text: str) -> str:
    """A label's first line: LAIT sometimes appends a note to it on further lines."""
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())
    return ""


def _measure_values(short: str, label: str) -> dict:
    details = measure_details().get(short, {})
    dps = details.get("dps", "")
    return {
        "code": f"lait.{short}",
        "dataset": Dataset.LAIT,
        "source_column": short,
        "label": label or details.get("label") or short,
        "topic": details.get("topic", ""),
        "unit": details.get("unit") or Unit.OTHER,
        "polarity": details.get("polarity") or Polarity.NEUTRAL,
        "decimal_places": int(dps) if dps.isdigit() else 1,
    }
