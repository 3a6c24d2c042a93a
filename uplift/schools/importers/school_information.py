"""`uplift import school-information FILE`: DfE performance tables' school information.

The "england_spine" file (`2017-2018_england_spine.xlsx`, or its CSV edition): one row per
school with `URN`, `LA`, `ESTAB`, `LAESTAB`, `SCHNAME`, `TOWN`, `POSTCODE`, `ICLOSE`,
`OPENDATE`, `CLOSEDATE`, `MINORGROUP`, `NFTYPE`, `ISPRIMARY`/`ISSECONDARY`/`ISPOST16`,
`AGEL`, `AGEH`, `RELDENOM` and `ADMPOL` (the address, telephone and academy-conversion
columns are not read).

The spine is a snapshot of an academic year, older than the register's other sources, so it
fills gaps: a school the register already holds keeps every value it has (GIAS, Ofsted and
newer performance tables win) and takes the spine's only for empty fields; a school the
register lacks is added (unless `--new-schools skip`: the demo fills its LA's register and
adds no school closed since), and a school this importer added is brought up to date by a
later edition. Whenever it gives a school its name, the name's source is recorded ("DfE school
information 2017/18"), for the school page to say.

`ICLOSE` is read as DfE's closure code: 1 open, 2 closed (with `CLOSEDATE`), 3 open but
proposed to close. The phase is read from the `IS...` flags for mainstream schools; special
schools and alternative provision are reported as such by their type, as GIAS does.
"""

import re
from dataclasses import dataclass

from uplift.imports.base import Importer, Option
from uplift.imports.cells import Cells
from uplift.imports.errors import RowError
from uplift.imports.registry import register
from uplift.imports.sync import ADDED, UPDATED, Record, Tally, sync_records
from uplift.schools.local_authorities import ensure_local_authorities
from uplift.schools.models import Establishment, PhaseGroup, RegisterSource
from uplift.schools.phases import phase_group

URN, LA, ESTAB, LAESTAB, NAME = "URN", "LA", "ESTAB", "LAESTAB", "SCHNAME"
TEXT_COLUMNS = {
    "town": "TOWN",
    "postcode": "POSTCODE",
    "type_name": "NFTYPE",
    "type_group": "MINORGROUP",
    "religious_character": "RELDENOM",
    "admissions_policy": "ADMPOL",
}
FLAGS = ("ISPRIMARY", "ISSECONDARY", "ISPOST16")
STATUS_BY_CODE = {"1": "Open", "2": "Closed", "3": "Open, but proposed to close"}
YEAR_PATTERN = r"[0-9]{4}-[0-9]{2}"
_YEARS = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-_]((?:19|20)?[0-9]{2})(?![0-9])")
SOURCE = RegisterSource.SCHOOL_INFORMATION
# Fields a row fills when they are empty (the phase group when it is 'other').
FILLABLE = (
    "la_id", "establishment_number", "laestab", "name", "type_name", "type_group", "phase",
    "status", "open_date", "close_date", "statutory_low_age", "statutory_high_age", "town",
    "postcode", "religious_character", "admissions_policy",
)  # fmt: skip


def _max_length(field_name: str) -> int:
    return Establishment._meta.get_field(field_name).max_length


@dataclass
class SpineRow:
    urn: int
    la_code: str | None
    values: dict


def phase_words(primary: bool, secondary: bool, post16: bool) -> str:
    """GIAS's phase words for the spine's three flags."""
    if primary and (secondary or post16):
        return "All-through"
    if primary:
        return "Primary"
    if secondary:
        return "Secondary"
    return "16 plus" if post16 else ""


def academic_year(text: str) -> str:
    """'2017-18' or '2017-2018' -> '2017/18', as people write it; '' when none is given."""
    for found in _YEARS.finditer(text):
        end = found[2][-2:]
        if (int(found[1]) + 1) % 100 == int(end) and len(found[2]) in (2, 4):
            return f"{found[1]}/{end}"
    return ""


@register
class SchoolInformationImporter(Importer):
    name = "school-information"
    label = "DfE school information (performance tables spine)"
    description = (
        "DfE performance tables' school information ('england_spine', CSV or XLSX): names, "
        "LAs, LAESTABs, types, dates, ages, religious character and admissions policy. "
        "Fills the register's gaps and adds the schools it lacks."
    )
    required_columns = (URN, LA, NAME)
    options = (
        Option(
            "new-schools",
            "add the schools the register lacks (add, the default) or leave them out (skip)",
            choices=("add", "skip"),
        ),
        Option(
            "year",
            "the academic year of the file, as 2017-18 (else read from the file name)",
            pattern=YEAR_PATTERN,
            example="2017-18",
        ),
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.year = academic_year(self.options.get("year") or self.table.file_name)
        has = self.table.has
        self.text_columns = [
            (field, column, _max_length(field))
            for field, column in TEXT_COLUMNS.items()
            if has(column)
        ]
        self.flags = [column for column in FLAGS if has(column)]

    def check_header(self) -> list[RowError]:
        errors = super().check_header()
        if not errors and self.options.get("year") and not self.year:
            errors.append(
                RowError(self.table.file_name, None, "", "", "--year should look like 2017-18")
            )
        return errors

    def parse_row(self, cells: Cells) -> SpineRow | None:
        urn = cells.urn(URN, required=True)
        la_code = cells.la_code(LA, required=True)
        values = {"name": cells.text(NAME, required=True, max_length=_max_length("name"))}
        number = cells.establishment_number(ESTAB)
        values["establishment_number"] = number
        values["laestab"] = cells.laestab(LAESTAB, la_code=la_code) or (
            f"{la_code}{number}" if la_code and number else ""
        )
        for model_field, column, max_length in self.text_columns:
            values[model_field] = cells.text(column, max_length=max_length)
        values["open_date"] = cells.date("OPENDATE")
        values["close_date"] = cells.date("CLOSEDATE")
        values["statutory_low_age"], values["statutory_high_age"] = cells.age_range("AGEL", "AGEH")
        values["status"] = self._status(cells)
        flags = [bool(cells.integer(column, maximum=1)) for column in self.flags]
        phase = phase_words(*(flags + [False] * 3)[:3]) if self.flags else ""
        group = phase_group(
            type_name=values.get("type_name"), type_group=values.get("type_group"), phase=phase
        )
        values["phase"] = "" if group in (PhaseGroup.SPECIAL, PhaseGroup.PRU_AP) else phase
        values["phase_group"] = group
        if urn is None:
            return None
        return SpineRow(urn, la_code, values)

    def _status(self, cells: Cells) -> str:
        code = cells.raw("ICLOSE").removesuffix(".0")
        if code == "":
            return ""
        if code not in STATUS_BY_CODE:
            cells.error("ICLOSE", cells.raw("ICLOSE"), "not a closure code (1, 2 or 3)")
            return ""
        return STATUS_BY_CODE[code]

    def check_file(self, parsed: list[tuple[int, SpineRow]]) -> list[RowError]:
        first_row: dict[int, int] = {}
        errors = []
        for number, row in parsed:
            if row.urn in first_row:
                errors.append(
                    RowError(
                        self.table.file_name,
                        number,
                        URN,
                        str(row.urn),
                        f"URN {row.urn} is on row {first_row[row.urn]} and row {number}; "
                        "each school must appear once",
                    )
                )
            else:
                first_row.setdefault(row.urn, number)
        return errors

    def write(self, parsed: list[tuple[int, SpineRow]], tally: Tally) -> str:
        las = ensure_local_authorities({r.la_code: None for _, r in parsed if r.la_code})
        urns = {row.urn for _, row in parsed}
        existing = {
            (school.urn,): school
            for school in Establishment.objects.filter(urn__gte=min(urns), urn__lte=max(urns))
            if school.urn in urns
        }
        add_new = self.options.get("new-schools", "add") != "skip"
        records, named, skipped = [], 0, 0
        for number, row in parsed:
            if not add_new and (row.urn,) not in existing:
                skipped += 1
                continue
            values = {**row.values, "la_id": las[row.la_code].pk if row.la_code else None}
            current = existing.get((row.urn,))
            if current is None:
                values.update(urn=row.urn, register_source=SOURCE)
            elif current.register_source != SOURCE:
                values = _gaps(current, values)
            if values.get("name") and (current is None or current.name != values["name"]):
                values.update(name_source=SOURCE, name_edition=self.year)
                named += 1
            records.append(Record(number, (row.urn,), values))
        sync_records(Establishment, records, existing=existing, tally=tally)
        return (
            f"{len(parsed)} schools in {len(las)} LA(s): {tally.count(ADDED)} added to the "
            f"register, {tally.count(UPDATED)} with gaps filled or brought up to date; "
            f"{named} named by this file"
            + (f"; {skipped} not in the register left out." if skipped else ".")
        )


def _gaps(current: Establishment, wanted: dict) -> dict:
    """The values that fill a school's empty fields; nothing it already has changes."""
    values = {
        name: wanted[name]
        for name in FILLABLE
        if getattr(current, name) in ("", None) and wanted[name] not in ("", None)
    }
    if current.phase_group == PhaseGroup.OTHER and wanted["phase_group"] != PhaseGroup.OTHER:
        values["phase_group"] = wanted["phase_group"]
    return values
