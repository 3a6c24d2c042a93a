"""`uplift import measures FILE --mapping NAME|FILE.toml`: any school-level file, by a mapping.

A file with a URN column and one row per school and year (a DfE download cut down by
someone, an LA's own spreadsheet) becomes results of the catalogue's measures, as its
mapping says (see performance/mappings.py). Shipped mappings: `ks2-key-measures`,
`ks4-key-measures` and `cfr-income-expenditure`.

A cell holding a published "no number" code (SUPP, NE, LOWCOV ... : imports/suppression.py)
is kept as that code; an empty cell gives no result. Rows of schools the register lacks are
skipped and counted (the file names no school and no LA to place them by); import the
register first. A second import of the same file changes nothing; a result the file
changes is updated and stamped with the run.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection

from uplift.imports.base import Importer, Option
from uplift.imports.cells import Cells
from uplift.imports.errors import CellError, RowError
from uplift.imports.registry import register
from uplift.imports.suppression import suppression_code
from uplift.imports.sync import ADDED, UNCHANGED, UPDATED, Record, Tally, sync_records
from uplift.imports.values import STORED_FIGURE, parse_number
from uplift.performance.catalogue import sync_measures
from uplift.performance.mappings import Mapping, MappingError, academic_year, load_mapping
from uplift.performance.models import Level, Result
from uplift.performance.table_writes import _existing_results, chunks
from uplift.schools.models import Establishment

PLACES = Decimal("0.0001")  # Result.value keeps four decimal places
HUNDRED = Decimal(100)
INSERT_BATCH = 5000


@dataclass(frozen=True)
class MeasuresRow:
    urn: int
    year: str
    values: tuple[tuple[str, Decimal | None, str], ...]  # (measure code, value, code)


@register
class MeasuresImporter(Importer):
    name = "measures"
    label = "School measures, through a mapping"
    description = (
        "Any school-level file with a URN column and one row per school and year, mapped "
        "onto Uplift's measures by a mapping: ks2-key-measures, ks4-key-measures, "
        "cfr-income-expenditure, or a .toml file of your own."
    )
    options = (
        Option(
            "mapping",
            "a shipped mapping (ks2-key-measures, ks4-key-measures, cfr-income-expenditure) "
            "or, on the command line, a .toml file",
            required=True,
        ),
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.mapping: Mapping | None = None
        self.mapping_error: MappingError | None = None
        self.rows_without_school = 0
        from_web = self.run is not None and self.run.via == "web"
        try:
            self.mapping = load_mapping(self.options.get("mapping", ""), shipped_only=from_web)
        except MappingError as exc:
            self.mapping_error = exc

    def check_header(self) -> list[RowError]:
        if self.mapping_error is not None:
            error = self.mapping_error
            where = f"key {error.key!r}: " if error.key else ""
            reason = f"the mapping is broken: {where}{error.reason}"
            return [RowError(error.file_name, None, "", "", reason)]
        mapping = self.mapping
        wanted = [(mapping.urn_column, "urn_column")]
        if mapping.year_column:
            wanted.append((mapping.year_column, "year.column"))
        wanted += [(m.column, f"{m.key}.column") for m in mapping.measures]
        return [
            RowError(
                self.table.file_name,
                self.table.header_row,
                column,
                "",
                f"the mapping {mapping.file_name} ({key}) names this column, which the file "
                "does not have; is this the right file or mapping?",
            )
            for column, key in wanted
            if not self.table.has(column)
        ]

    def parse_row(self, cells: Cells) -> MeasuresRow | None:
        mapping = self.mapping
        if cells.raw(mapping.urn_column) in mapping.no_school:
            self.rows_without_school += 1
            return None
        urn = cells.urn(mapping.urn_column, required=True)
        year = mapping.fixed_year
        if not year:
            text = cells.raw(mapping.year_column)
            year = academic_year(text, mapping.year_means)
            if year is None:
                cells.error(
                    mapping.year_column, text, "not an academic year (such as 2016 or 2016-17)"
                )
        values = []
        for mapped in mapping.measures:
            text = cells.raw(mapped.column)
            if text == "":
                continue
            code = suppression_code(text)
            if code is not None:
                values.append((mapped.spec.code, None, code))
                continue
            number = _number(cells, mapped, text)
            if number is not None:
                values.append((mapped.spec.code, number, ""))
        if urn is None or year is None:
            return None
        return MeasuresRow(urn, year, tuple(values))

    def check_file(self, parsed: list[tuple[int, MeasuresRow]]) -> list[RowError]:
        first: dict[tuple, int] = {}
        errors = []
        for number, row in parsed:
            seen = first.setdefault((row.urn, row.year), number)
            if seen != number:
                errors.append(
                    RowError(
                        self.table.file_name,
                        number,
                        self.mapping.urn_column,
                        str(row.urn),
                        f"URN {row.urn} has a row for {row.year} already (row {seen}); a "
                        "file gives one row per school and year",
                    )
                )
        return errors

    def write(self, parsed: list[tuple[int, MeasuresRow]], tally: Tally) -> str:
        measures = sync_measures()
        schools = _registered({row.urn for _, row in parsed})
        kept = [(number, row) for number, row in parsed if row.urn in schools]
        existing = _existing_results(
            measure_ids=[measures[m.spec.code].pk for m in self.mapping.measures],
            years={row.year for _, row in kept},
            subject_keys={f"urn:{row.urn}" for _, row in kept},
        )
        run_id = self.run.pk if self.run is not None else None
        records, new, changed, counts = [], [], {}, Counter()
        for number, row in kept:
            tally.mark(number, UNCHANGED)
            for code, value, suppression in row.values:
                counts["results"] += 1
                counts["suppressed"] += bool(suppression)
                measure_id = measures[code].pk
                key = (measure_id, row.year, f"urn:{row.urn}", "")
                values = {
                    "measure_id": measure_id,
                    "academic_year": row.year,
                    "level": Level.SCHOOL,
                    "subject_key": f"urn:{row.urn}",
                    "segment": "",
                    "establishment_id": schools[row.urn],
                    "la_id": None,
                    "value": value,
                    "suppression": suppression,
                }
                current = existing.get(key)
                if current is None:
                    new.append({**values, "import_run_id": run_id})
                    tally.mark(number, ADDED)
                    continue
                if _same(current[1], values):
                    continue
                changed[key] = current[0]
                records.append(Record(number, key, {**values, "import_run_id": run_id}))
        insert_results(new)
        instances = {}
        for chunk in chunks(changed.values()):
            instances.update({r.pk: r for r in Result.objects.filter(pk__in=chunk)})
        saved = {key: instances[pk] for key, pk in changed.items()}
        sync_records(Result, records, existing=saved, tally=tally)
        return self._summary(parsed, kept, counts, tally)

    def _summary(self, parsed, kept, counts: Counter, tally: Tally) -> str:
        years = sorted({row.year for _, row in kept})
        text = (
            f"{self.mapping.label}: {len(kept)} rows of {len(set(r.urn for _, r in kept))} schools "
            f"for {', '.join(years) or 'no year'}; {counts['results']} results "
            f"({counts['suppressed']} with a code instead of a number), rows with new results "
            f"{tally.count(ADDED)}, with changed results {tally.count(UPDATED)}"
        )
        known = {row.urn for _, row in kept}
        missing = [row.urn for _, row in parsed if row.urn not in known]
        if missing:
            text += (
                f"; {len(missing)} rows of {len(set(missing))} schools not in the register "
                "skipped (import the register first)"
            )
        if self.rows_without_school:
            text += f"; {self.rows_without_school} rows without a school skipped"
        return text + "."


def insert_results(rows: list[dict]) -> None:
    """New results in plain multi-row INSERTs: a national file gives hundreds of thousands,
    and building a model instance for each costs far more than the database's work."""
    if not rows:
        return
    fields = [*rows[0], "region"]
    table = connection.ops.quote_name(Result._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(name) for name in fields)
    statement = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    with connection.cursor() as cursor:
        for chunk in chunks(rows, INSERT_BATCH):
            cursor.executemany(statement, [[*row.values(), ""] for row in chunk])


def _number(cells: Cells, mapped, text: str) -> Decimal | None:
    """The cell's number through the mapping's transform, within the measure's bounds."""
    try:
        number = parse_number(text)
        if mapped.transform == "fraction":
            number *= HUNDRED
        elif mapped.transform == "pence":
            number /= HUNDRED
        STORED_FIGURE.check(number)
        mapped.spec.bounds.check(number)
    except CellError as exc:
        cells.error(mapped.column, text, str(exc))
        return None
    return number.quantize(PLACES)


def _same(stored: dict, wanted: dict) -> bool:
    return all(stored[name] == value for name, value in wanted.items())


def _registered(urns: set[int]) -> dict[int, int]:
    found = {}
    for chunk in chunks(sorted(urns)):
        found.update(Establishment.objects.filter(urn__in=chunk).values_list("urn", "pk"))
    return found
