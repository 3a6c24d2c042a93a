"""Fuzzing the binary editions: the GIAS slice as XLSX, the LAIT slice as Parquet and the
statistical neighbours workbook as published, cut short or with bytes changed. A damaged
zip or Parquet file is refused like any other; one that still opens must import correctly."""

import io

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.imports.conftest import NEIGHBOURS
from tests.imports.fuzz import Fuzzer, byte_cases, fuzz_settings
from tests.imports.slices import Slice

pytestmark = [pytest.mark.django_db, pytest.mark.real_data]


def as_xlsx(piece: Slice) -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(piece.columns)
    for row in piece.rows():
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_parquet(piece: Slice) -> bytes:
    columns = list(zip(*piece.rows(), strict=True))
    table = pa.table(
        {name: list(values) for name, values in zip(piece.columns, columns, strict=True)}
    )
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


EDITIONS = {
    "gias": lambda slices, raw_dir: ("gias_20220420.xlsx", as_xlsx(slices["gias"])),
    "lait": lambda slices, raw_dir: ("lait_indicators.parquet", as_parquet(slices["lait"])),
    "neighbours": lambda slices, raw_dir: (NEIGHBOURS, (raw_dir / NEIGHBOURS).read_bytes()),
}


@pytest.fixture
def target(request, slices, raw_dir, tmp_path, db_snapshot) -> Fuzzer:
    edition = EDITIONS[request.param](slices, raw_dir)
    return Fuzzer(request.param, slices[request.param], tmp_path, db_snapshot, edition=edition)


@pytest.mark.parametrize("target", sorted(EDITIONS), indirect=True)
@given(data=st.data())
@fuzz_settings(examples=100)
def test_damaged_binary_editions(target, data):
    target.check(data.draw(byte_cases(target.good)))
