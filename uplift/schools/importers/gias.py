"""`uplift import gias FILE`: the GIAS establishment download (edubasealldataYYYYMMDD.csv).

GIAS is the register: every field it gives overwrites what Uplift holds. Only the
identifying columns are required, so that older and newer editions import too; a field
whose column the file lacks is left as it is. The file's own Ofsted columns are ignored
(inspections come from Ofsted's data), and so are the `Linked establishments` fields that
spill over into extra columns on some rows (links come from the GIAS links file).
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from uplift.imports.base import Importer
from uplift.imports.cells import Cells
from uplift.imports.errors import RowError
from uplift.imports.registry import register
from uplift.imports.suppression import suppression_code
from uplift.imports.sync import ADDED, UPDATED, Record, Tally, sync_records
from uplift.schools.local_authorities import ensure_local_authorities
from uplift.schools.models import (
    Establishment,
    GroupKind,
    GroupMembership,
    RegisterSource,
    SchoolGroup,
)
from uplift.schools.phases import phase_group

URN = "URN"
LA_CODE = "LA (code)"
LA_NAME = "LA (name)"
NAME = "EstablishmentName"
NUMBER = "EstablishmentNumber"
TRUST_NAME = "Trusts (name)"
TRUST_CODE = "Trusts (code)"
TYPE, TYPE_GROUP, PHASE = (
    "TypeOfEstablishment (name)",
    "EstablishmentTypeGroup (name)",
    "PhaseOfEducation (name)",
)

TEXT_COLUMNS = {
    "type_name": TYPE,
    "type_group": TYPE_GROUP,
    "phase": PHASE,
    "status": "EstablishmentStatus (name)",
    "postcode": "Postcode",
    "town": "Town",
    "religious_character": "ReligiousCharacter (name)",
}
DATE_COLUMNS = {"open_date": "OpenDate", "close_date": "CloseDate"}
COUNT_COLUMNS = {
    "statutory_low_age": "StatutoryLowAge",
    "statutory_high_age": "StatutoryHighAge",
    "pupils": "NumberOfPupils",
}
PERCENT_FSM = "PercentageFSM"
# Establishments outside any English LA (offshore, overseas) carry these instead of an LA.
NO_LA_CODES = frozenset({"000"})
NO_LA_NAMES = {"does not apply", "not applicable"}
UNKNOWN_DATE = "01-01-1900"  # what GIAS writes for an opening date it does not know
PERCENT_PLACES = Decimal("0.01")
MAX_PUPILS = 100_000  # the largest establishments have a few thousand


def _max_length(field_name: str, model=Establishment) -> int:
    return model._meta.get_field(field_name).max_length


NAME_LENGTH = _max_length("name")
TRUST_NAME_LENGTH = _max_length("name", SchoolGroup)
TRUST_CODE_LENGTH = _max_length("reference", SchoolGroup)


@dataclass
class GiasRow:
    urn: int
    la_code: str | None
    la_name: str
    values: dict
    trust_name: str = ""
    trust_code: str = ""


@register
class GiasImporter(Importer):
    name = "gias"
    label = "GIAS establishments"
    description = (
        "Get Information About Schools establishment download (edubasealldataYYYYMMDD.csv): "
        "the register of schools, their LAs, types, phases, status, pupils and trusts."
    )
    required_columns = (URN, LA_CODE, NAME)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Which optional columns this edition has, worked out once rather than per row.
        has = self.table.has
        self.text_columns = [
            (field, column, _max_length(field))
            for field, column in TEXT_COLUMNS.items()
            if has(column)
        ]
        self.date_columns = [(f, c) for f, c in DATE_COLUMNS.items() if has(c)]
        self.count_columns = [(f, c) for f, c in COUNT_COLUMNS.items() if has(c)]
        self.has_percent_fsm, self.has_number = has(PERCENT_FSM), has(NUMBER)
        self.has_phase_words = any(has(c) for c in (TYPE, TYPE_GROUP, PHASE))
        edition = self.table.edition
        self.edition = f"{edition.day} {edition:%B %Y}" if edition else ""

    def parse_row(self, cells: Cells) -> GiasRow | None:
        urn = cells.urn(URN, required=True)
        la_code, la_name = self._la(cells)
        values = {"name": cells.text(NAME, required=True, max_length=NAME_LENGTH)}
        for model_field, column, max_length in self.text_columns:
            values[model_field] = cells.text(column, max_length=max_length)
        for model_field, column in self.date_columns:
            values[model_field] = None if cells.raw(column) == UNKNOWN_DATE else cells.date(column)
        values.update(self._counts(cells))
        if self.has_percent_fsm:
            values["percent_fsm"] = _percent(cells, PERCENT_FSM)
        if self.has_number:
            number = cells.establishment_number(NUMBER)
            values["establishment_number"] = number
            values["laestab"] = f"{la_code}{number}" if la_code and number else ""
        if self.has_phase_words:
            values["phase_group"] = phase_group(
                type_name=cells.raw(TYPE), type_group=cells.raw(TYPE_GROUP), phase=cells.raw(PHASE)
            )
        values["register_source"] = RegisterSource.GIAS
        values["name_source"], values["name_edition"] = RegisterSource.GIAS, self.edition
        trust_name = cells.text(TRUST_NAME, max_length=TRUST_NAME_LENGTH)
        trust_code = cells.text(TRUST_CODE, max_length=TRUST_CODE_LENGTH)
        if urn is None:
            return None
        return GiasRow(urn, la_code, la_name, values, trust_name, trust_code)

    def _counts(self, cells: Cells) -> dict:
        counts = {field: None for field, _ in self.count_columns}
        columns = dict(self.count_columns)
        if "pupils" in columns and not _suppressed(cells, columns["pupils"]):
            counts["pupils"] = cells.count(columns["pupils"], maximum=MAX_PUPILS)
        low_column, high_column = (
            columns.get("statutory_low_age"),
            columns.get("statutory_high_age"),
        )
        if low_column and high_column:
            counts["statutory_low_age"], counts["statutory_high_age"] = cells.age_range(
                low_column, high_column
            )
        elif low_column:
            counts["statutory_low_age"] = cells.age(low_column)
        elif high_column:
            counts["statutory_high_age"] = cells.age(high_column)
        return counts

    def _la(self, cells: Cells) -> tuple[str | None, str]:
        code = cells.la_code(LA_CODE, required=True, allowed=NO_LA_CODES)
        name = cells.text(LA_NAME)
        if code in NO_LA_CODES and name and name.lower() not in NO_LA_NAMES:
            cells.error(
                LA_CODE, code, f"{code} means 'does not apply', but the LA name is {name!r}"
            )
        if code in NO_LA_CODES or name.lower() in NO_LA_NAMES:
            return None, ""
        return code, name

    def check_file(self, parsed: list[tuple[int, GiasRow]]) -> list[RowError]:
        first_row: dict[int, int] = {}
        errors = []
        for number, record in parsed:
            if record.urn in first_row:
                errors.append(
                    RowError(
                        self.table.file_name,
                        number,
                        URN,
                        str(record.urn),
                        f"URN {record.urn} is on row {first_row[record.urn]} and row {number}; "
                        "each establishment must appear once",
                    )
                )
            else:
                first_row[record.urn] = number
        return errors

    def write(self, parsed: list[tuple[int, GiasRow]], tally: Tally) -> str:
        las = ensure_local_authorities(
            {r.la_code: r.la_name or None for _, r in parsed if r.la_code is not None}
        )
        trust_tally = Tally()
        trusts = self._sync_trusts(parsed, trust_tally) if self.table.has(TRUST_NAME) else None
        urns = {r.urn for _, r in parsed}
        existing = {
            (school.urn,): school
            for school in _in_urn_range(Establishment.objects.all(), urns)
            if school.urn in urns
        }
        records = []
        for number, row in parsed:
            values = {**row.values, "urn": row.urn}
            values["la_id"] = las[row.la_code].pk if row.la_code else None
            if trusts is not None:
                values["trust_id"] = trusts[row.trust_name].pk if row.trust_name else None
            records.append(Record(number, (row.urn,), values))
        schools = sync_records(Establishment, records, existing=existing, tally=tally)
        started = ended = 0
        if trusts is not None:
            started, ended = _sync_trust_memberships(parsed, schools, tally)
        summary = (
            f"{len(parsed)} establishments in {len({r.la_code for _, r in parsed} - {None})} LA(s)"
        )
        if trusts is not None:
            summary += (
                f"; {len(trusts)} trusts ({trust_tally.count(ADDED)} new); "
                f"trust memberships: {started} started, {ended} ended"
            )
        return summary + "."

    def _sync_trusts(
        self, parsed: list[tuple[int, GiasRow]], tally: Tally
    ) -> dict[str, SchoolGroup]:
        """Create the file's trusts in bulk and return them by the file's names. A name not
        yet known is looked up by the file's trust code, so a renamed trust keeps its record."""
        has_code = self.table.has(TRUST_CODE)
        trusts = list(SchoolGroup.objects.filter(kind=GroupKind.TRUST))
        by_name = {group.name: group for group in trusts}
        by_code = {group.reference: group for group in trusts if group.reference}
        existing, records = {}, {}
        for number, row in parsed:
            if not row.trust_name or row.trust_name in records:
                continue
            values = {"kind": GroupKind.TRUST, "name": row.trust_name}
            if has_code:
                values["reference"] = row.trust_code
            found = by_name.get(row.trust_name)
            if found is None and has_code and row.trust_code:
                found = by_code.get(row.trust_code)
            if found is not None:
                existing[(row.trust_name,)] = found
            records[row.trust_name] = Record(number, (row.trust_name,), values)
        by_key = sync_records(SchoolGroup, records.values(), existing=existing, tally=tally)
        return {name: by_key[(name,)] for name in records}


def _sync_trust_memberships(
    parsed: list[tuple[int, GiasRow]], schools: dict[tuple, Establishment], tally: Tally
) -> tuple[int, int]:
    """Give each school a current membership of the trust GIAS names, and end (as of today)
    a current trust membership that GIAS no longer shows."""
    today = timezone.localdate()
    ids = {school.pk for school in schools.values()}
    current: dict[int, list[GroupMembership]] = {}
    open_trust_memberships = GroupMembership.objects.filter(
        group__kind=GroupKind.TRUST, left_on__isnull=True
    )
    for membership in open_trust_memberships:
        if membership.establishment_id in ids:
            current.setdefault(membership.establishment_id, []).append(membership)
    to_create, to_end = [], []
    for number, row in parsed:
        school = schools[(row.urn,)]
        trust_id = school.trust_id
        memberships = current.get(school.pk, [])
        for membership in memberships:
            if membership.group_id != trust_id and (
                membership.joined_on is None or membership.joined_on <= today
            ):
                membership.left_on = today
                to_end.append(membership)
                tally.mark(number, UPDATED)
        if trust_id and not any(m.group_id == trust_id for m in memberships):
            to_create.append(GroupMembership(group_id=trust_id, establishment_id=school.pk))
            tally.mark(number, UPDATED)  # a row that added its school stays 'added'
    GroupMembership.objects.bulk_create(to_create)
    GroupMembership.objects.bulk_update(to_end, ["left_on"])
    return len(to_create), len(to_end)


def _in_urn_range(queryset, urns: set[int]):
    """One query for every row whose URN lies within the file's (the caller keeps the file's
    own), rather than an IN list that SQLite would split into dozens of queries."""
    return queryset.filter(urn__gte=min(urns), urn__lte=max(urns))


def _suppressed(cells: Cells, column: str) -> bool:
    """A published 'no number' code (not zero)."""
    text = cells.raw(column)
    return bool(text) and suppression_code(text) is not None


def _percent(cells: Cells, column: str) -> Decimal | None:
    if _suppressed(cells, column):
        return None
    value = cells.percentage(column)
    return None if value is None else value.quantize(PERCENT_PLACES, rounding=ROUND_HALF_UP)
