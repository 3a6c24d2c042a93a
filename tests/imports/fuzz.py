"""Fuzzing the importers with damaged slices of the real files.

Each case damages a slice (truncates it, flips a byte, swaps or splits columns and rows,
puts look-alike digits, exponents, control characters or huge values in a cell the
importer reads) and imports it over the slice's own good data. Whatever the damage, the
import either refuses the file (FileRejected, the database unchanged, a rejected entry in
the history) or imports it correctly: every stored value within its rules. Damage that
the rules must catch (a look-alike digit in a URN, NUL anywhere ...) must be refused; a
file cut at a line end must import and change nothing.
"""

import os
from dataclasses import dataclass

from django.db import connection, transaction
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st

from tests.imports.slices import Slice, fields_of, records_of, rewrite
from tests.imports.stored_rules import stored_values_keep_the_rules
from uplift.imports import damage
from uplift.imports.errors import FileRejected
from uplift.imports.models import ImportRun, RunStatus
from uplift.imports.services import run_import

ON_POSTGRES = connection.vendor == "postgresql" or os.environ.get("DATABASE_URL", "").startswith(
    "postgres"
)
POSTGRES_SHARE = 2  # PostgreSQL runs half the cases (about 1,050): each costs about 1.5x more


def fuzz_settings(examples: int):
    """Hypothesis settings for one fuzz test: `examples` cases on SQLite (half on
    PostgreSQL), no deadline, and no example database (each run explores afresh)."""
    return settings(
        max_examples=max(10, examples // POSTGRES_SHARE) if ON_POSTGRES else examples,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


# Values a cell of each kind must never be taken with.
INVALID = {
    "urn": ["2147483648", "-100001", "100001.5", "12345", "1234567", "0", "1e5", "999999999999"],
    "la": ["0", "1000", "85", "-919", "919.5", "2147483648", "9e2", "100"],
    "lait_la": ["0", "85", "-919", "919.5", "2147483648", "9e2", "100", "１９"],
    "estab": ["12345", "-1", "1.5", "1e3", "99999999999"],
    "laestab": ["123", "0001234", "12345678", "9191e3"],
    "count": ["-1", "1.5", "2147483648", "99999999999999999999", "1e3", "-0.5"],
    "age": ["-1", "100", "4.5", "1e1", "2147483648"],
    "percent": ["101", "-0.5", "100.01", "2147483648", "1e1", "1e999999"],
    "score": ["2147483648", "1e30", "1e999999", "-99999", "1E+2"],
    "date": ["01/01/0001", "31/12/9999", "01-01-1799", "32/01/2020", "1e5", "99999999"],
    "inspection_date": ["01/01/1990", "31/12/9999", "2147483648", "1e5"],
    "lait_value": ["1e999999", "5e300", "1E+30", "-1e5", "2e12", "-0.5"],
}
LOOK_ALIKE_DIGITS = ["０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", "⁰¹²³⁴⁵⁶⁷⁸⁹"]
CONTROL = [chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127)]


@dataclass(frozen=True)
class Target:
    """Cells the importer reads: these records of these columns, of one kind."""

    kind: str
    columns: tuple[str, ...]
    records: tuple[int, ...]


@dataclass(frozen=True)
class Case:
    damage: str
    data: bytes
    expect: str  # "reject", "unchanged" (imports, changing nothing) or "either"


def _reject(damage_name: str, piece: Slice, text: str) -> Case:
    return Case(damage_name, piece.encode(text), "reject")


@st.composite
def cases(draw, piece: Slice, targets: list[Target]):
    """One damaged version of the slice and what its import must do."""
    kinds = ["truncate", "flip", "swap", "split", "drop_field", "duplicate", "text", "control"]
    if targets:
        kinds += ["look_alike", "invalid", "invalid", "look_alike"]
    kind = draw(st.sampled_from(kinds))
    text = piece.text()
    if kind == "truncate":
        if draw(st.booleans()):  # at a line end: a shorter file, not a damaged one
            kept = draw(st.integers(1, len(piece.records) - 1))
            return _truncated(piece, len(piece.text(piece.records[:kept])))
        return _truncated(piece, draw(st.integers(len(piece.header) + 1, len(text) - 1)))
    if kind == "flip":
        raw = bytearray(piece.encode(text))
        for _ in range(draw(st.integers(1, 3))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        return Case(kind, bytes(raw), "either")
    if kind == "control":
        record = draw(st.integers(0, len(piece.records) - 1))
        cells = fields_of(piece.records[record])
        at = draw(st.integers(0, len(cells) - 1))
        where = draw(st.integers(0, len(cells[at])))
        cells[at] = cells[at][:where] + draw(st.sampled_from(CONTROL)) + cells[at][where:]
        return _reject(kind, piece, _with_record(piece, record, cells))
    if kind in ("look_alike", "invalid"):
        target = draw(st.sampled_from(targets))
        record = draw(st.sampled_from(target.records))
        column = draw(st.sampled_from(target.columns))
        original = _cell(piece, record, column)
        if kind == "invalid" or not any(c.isdigit() for c in original):
            value = draw(st.sampled_from(INVALID[target.kind]))
            return _reject(f"invalid {target.kind}", piece, piece.with_cell(record, column, value))
        digits = [i for i, c in enumerate(original) if c.isdigit()]
        at = draw(st.sampled_from(digits))
        alike = draw(st.sampled_from(LOOK_ALIKE_DIGITS))[int(original[at])]
        value = original[:at] + alike + original[at + 1 :]
        return _reject(f"look-alike {target.kind}", piece, piece.with_cell(record, column, value))
    return Case(kind, piece.encode(draw(_reshaped(piece, kind))), "either")


@st.composite
def _reshaped(draw, piece: Slice, kind: str) -> str:
    records = list(piece.records)
    record = draw(st.integers(0, len(records) - 1))
    cells = fields_of(records[record])
    if kind == "swap":  # two columns exchanged in every row
        i, j = (draw(st.integers(0, len(piece.columns) - 1)) for _ in range(2))
        for n, text in enumerate(records):
            row = fields_of(text) + [""] * len(piece.columns)
            row[i], row[j] = row[j], row[i]
            records[n] = rewrite(text, row[: max(len(fields_of(text)), i + 1, j + 1)])
    elif kind == "split":  # a line break between two fields of one row
        at = draw(st.integers(1, max(1, len(cells) - 1)))
        ending = records[record][len(records[record].rstrip("\r\n")) :] or "\n"
        records[record] = rewrite(ending, cells[:at]) + rewrite(records[record], cells[at:])
    elif kind == "drop_field":  # one field missing: the rest move a column left
        del cells[draw(st.integers(0, len(cells) - 1))]
        records[record] = rewrite(records[record], cells)
    elif kind == "duplicate":
        records.insert(draw(st.integers(0, len(records))), records[record])
    else:  # any text in any cell
        at = draw(st.integers(0, len(cells) - 1))
        cells[at] = draw(st.text(max_size=12))
        records[record] = rewrite(records[record], cells)
    return piece.text(records)


def _cell(piece: Slice, record: int, column: str) -> str:
    row = fields_of(piece.records[record])
    position = piece.columns.index(column)
    return row[position] if position < len(row) else ""


def _with_record(piece: Slice, record: int, cells: list[str]) -> str:
    records = list(piece.records)
    records[record] = rewrite(records[record], cells)
    return piece.text(records)


def _truncated(piece: Slice, length: int) -> Case:
    """The slice cut at `length` characters: a cut at a line end must import and change
    nothing; a cut-off last line that shows (an open quote, or fewer fields than the header
    in a width no other row has) must be refused; any other cut may go either way."""
    text = piece.text()[:length]
    data = piece.encode(text)
    if text.endswith(("\n", "\r")):
        return Case("truncate at a line end", data, "unchanged")
    records = records_of(text[len(piece.header) :])
    rows = [fields_of(record) for record in records]
    last = records[-1]
    widths = {len(row) for row in rows[:-1]}
    short = len(rows[-1]) < len(piece.columns) and len(rows[-1]) not in widths
    if damage.ends_inside_quotes(last) or short:
        return Case("truncate mid-line", data, "reject")
    return Case("truncate mid-line, undetectable", data, "either")


class Fuzzer:
    """Imports the slice once (the good data), then each case in a savepoint undone after."""

    def __init__(self, piece_name: str, piece: Slice, folder, snapshot, *, edition=None):
        """`edition`: the slice as another file (an XLSX or Parquet edition's name and bytes)."""
        self.piece_name = piece_name
        self.piece = piece
        name, self.good = edition or (piece.name, piece.encode(piece.text()))
        self.path = folder / name
        self.snapshot = snapshot
        self._import(self.good)
        self.before = snapshot()
        self.runs = ImportRun.objects.count()

    def _import(self, data: bytes):
        self.path.write_bytes(data)
        return run_import(
            importer_name=self.piece.importer, path=self.path, options=self.piece.options
        )

    def check(self, case: Case) -> None:
        with transaction.atomic():
            try:
                self._check(case)
            finally:
                transaction.set_rollback(True)

    def _check(self, case: Case) -> None:
        try:
            self._import(case.data)
        except FileRejected as rejected:
            assert case.expect != "unchanged", (case.damage, rejected.errors[:3])
            self._outcome(case, "rejected")
            run = rejected.run
            assert run is not None and run.pk and run.status == RunStatus.REJECTED
            assert run.errors and all("\n" not in str(e) for e in rejected.errors)
            assert ImportRun.objects.count() == self.runs + 1
            assert self.snapshot() == self.before, case.damage
            return
        assert case.expect != "reject", f"{case.damage}: imported {case.data[:300]!r}"
        self._outcome(case, "imported")
        if case.expect == "unchanged":
            assert self.snapshot() == self.before, case.damage
        stored_values_keep_the_rules()

    def _outcome(self, case: Case, outcome: str) -> None:
        event(f"{case.damage}: {outcome}")  # pytest --hypothesis-show-statistics


@st.composite
def byte_cases(draw, good: bytes):
    """A binary edition (XLSX, Parquet) cut short or with bytes changed."""
    raw = bytearray(good)
    if draw(st.booleans()):
        return Case("truncate file", bytes(raw[: draw(st.integers(0, len(raw) - 1))]), "either")
    for _ in range(draw(st.integers(1, 8))):
        raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
    return Case("flip bytes", bytes(raw), "either")
