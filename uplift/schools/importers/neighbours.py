"""`uplift import neighbours`: DfE's statistical neighbours workbook (as used by LAIT).

One row per LA: `LA num`, `LA Name`, `GOReg`, then pairs `SN1`, `SNP`, ... `SN10`, `SNP`
(the n-th closest LA's code and how close it is). The header repeats `SNP`, so the pairs
are read by position. Rows under an "Old SNs:" note give the neighbours of LAs that have
since been reorganised; they are imported like the others. Each import is one edition
(`--edition`, by default the file name without its extension); importing an edition
again replaces the ranks it changes and drops ranks an LA no longer has.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from uplift.imports.base import Importer, Option
from uplift.imports.cells import Cells
from uplift.imports.errors import RowError
from uplift.imports.registry import register
from uplift.imports.sync import UPDATED, Record, Tally, sync_records
from uplift.schools.local_authorities import ensure_local_authorities
from uplift.schools.models import StatisticalNeighbour

_RANK_COLUMN = re.compile(r"SN([1-9][0-9]?)")
CLOSENESS_COLUMN = "SNP"
EDITION_LENGTH = StatisticalNeighbour._meta.get_field("edition").max_length
CLOSENESS_LENGTH = StatisticalNeighbour._meta.get_field("closeness").max_length


@dataclass(frozen=True)
class NeighbourRow:
    code: str
    name: str
    region: str
    neighbours: tuple[tuple[int, str, str], ...]  # (rank, LA code, closeness)


@register
class NeighboursImporter(Importer):
    name = "neighbours"
    label = "Statistical neighbours (DfE/LAIT)"
    description = (
        "DfE's statistical neighbours: the ten LAs most like each LA, in order, with how "
        "close each is. Creates any LA not yet known."
    )
    required_columns = ("LA num", "LA Name", "SN1", CLOSENESS_COLUMN)
    options = (
        Option(
            "edition",
            "which edition of the model this is (default: the file name without extension)",
            pattern=rf"[\w .()-]{{1,{EDITION_LENGTH}}}",
            example="may2025",
        ),
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.pairs = _rank_pairs(self.table.header)

    @property
    def edition(self) -> str:
        return (self.options.get("edition") or Path(self.table.file_name).stem)[:EDITION_LENGTH]

    def check_header(self) -> list[RowError]:
        errors = super().check_header()
        if not errors and not self.pairs:
            errors.append(
                RowError(
                    self.table.file_name,
                    self.table.header_row,
                    "SN1",
                    "",
                    "no SNn column is followed by its SNP (closeness) column",
                )
            )
        return errors

    def skip_row(self, cells: Cells) -> bool:
        """Blank lines and notes such as "Old SNs:" (no LA number and no neighbours)."""
        if super().skip_row(cells):
            return True
        neighbour_cells = [cells.row[p] for p, _, _ in self.pairs if p < len(cells.row)]
        return not cells.raw("LA num") and not any(c.strip() for c in neighbour_cells)

    def parse_row(self, cells: Cells) -> NeighbourRow | None:
        code = cells.la_code("LA num", required=True)
        other = cells.la_code("LA number")
        if code and other and other != code:
            cells.error("LA number", cells.raw("LA number"), f"differs from LA num {code}")
        name = cells.text("LA Name", required=True, max_length=120)
        region = cells.text("GOReg", max_length=80)
        neighbours = self._neighbours(cells, code)
        if not neighbours and not cells.errors:
            cells.error("SN1", "", "no neighbours given")
        if cells.errors:
            return None
        return NeighbourRow(code, name, region, tuple(neighbours))

    def _neighbours(self, cells: Cells, code: str | None) -> list[tuple]:
        """The row's neighbours, closest first: (rank, LA code, closeness)."""
        neighbours = []
        for code_at, closeness_at, rank in self.pairs:
            column = self.table.header[code_at]
            neighbour = _cell(cells.row, code_at)
            closeness = _closeness(_cell(cells.row, closeness_at))
            if not neighbour:
                if closeness:
                    cells.error(column, "", f"a closeness ({closeness!r}) without a neighbour")
                continue
            neighbour_code = cells.la_code(column)
            if neighbour_code is None:
                continue  # the error is recorded
            if neighbour_code == code:
                cells.error(column, neighbour, "an LA cannot be its own neighbour")
            elif any(neighbour_code == seen for _, seen, _ in neighbours):
                cells.error(column, neighbour, "this LA is already a closer neighbour")
            elif len(closeness) > CLOSENESS_LENGTH:
                cells.error(CLOSENESS_COLUMN, closeness, f"longer than {CLOSENESS_LENGTH}")
            else:
                neighbours.append((rank, neighbour_code, closeness))
        return neighbours

    def check_file(self, parsed: list[tuple[int, NeighbourRow]]) -> list[RowError]:
        first_row: dict[str, int] = {}
        errors = []
        for number, row in parsed:
            if row.code in first_row:
                errors.append(
                    RowError(
                        self.table.file_name,
                        number,
                        "LA num",
                        row.code,
                        f"this LA is already on row {first_row[row.code]}",
                    )
                )
            first_row.setdefault(row.code, number)
        return errors

    def write(self, parsed: list[tuple[int, NeighbourRow]], tally: Tally) -> str:
        names = {row.code: row.name for _, row in parsed}
        regions = {row.code: row.region for _, row in parsed}
        for _, row in parsed:
            for _, code, _ in row.neighbours:
                names.setdefault(code, None)
        las = ensure_local_authorities(names, regions=regions)
        edition = self.edition
        records = [
            Record(
                number,
                (las[row.code].pk, rank),
                {
                    "la_id": las[row.code].pk,
                    "neighbour_id": las[code].pk,
                    "rank": rank,
                    "closeness": closeness,
                    "edition": edition,
                },
            )
            for number, row in parsed
            for rank, code, closeness in row.neighbours
        ]
        in_file = StatisticalNeighbour.objects.filter(
            edition=edition, la_id__in=[las[row.code].pk for _, row in parsed]
        )
        existing = {(n.la_id, n.rank): n for n in in_file}
        given = {record.key for record in records}
        stale = [n for key, n in existing.items() if key not in given]
        if stale:
            StatisticalNeighbour.objects.filter(pk__in=[n.pk for n in stale]).delete()
            row_of = {las[row.code].pk: number for number, row in parsed}
            for neighbour in stale:
                tally.mark(row_of[neighbour.la_id], UPDATED)
        sync_records(StatisticalNeighbour, records, existing=existing, tally=tally)
        summary = f"Edition {edition!r}: {len(records)} neighbours of {len(parsed)} LAs."
        if stale:
            summary += f" Removed {len(stale)} ranks no longer given."
        return summary


def _rank_pairs(header: list[str]) -> list[tuple[int, int, int]]:
    """(position of SNn, position of its SNP, n) for each SNn directly followed by SNP."""
    pairs = []
    for position, name in enumerate(header[:-1]):
        match = _RANK_COLUMN.fullmatch(name)
        if match and header[position + 1] == CLOSENESS_COLUMN:
            pairs.append((position, position + 1, int(match[1])))
    return pairs


def _cell(row: list[str], position: int) -> str:
    return row[position].strip() if position < len(row) else ""


def _closeness(text: str) -> str:
    """'Very Close' and 'Very close' are the same band: keep one spelling."""
    text = " ".join(text.split())
    return text[:1].upper() + text[1:].lower()
