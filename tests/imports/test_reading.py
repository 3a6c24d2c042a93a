"""Reading published tables: encodings, ragged rows, spreadsheets, header search."""

import pytest

from uplift.imports.errors import FileRejected
from uplift.imports.reading import cell_text, detect_encoding, read_table


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\xef\xbb\xbfURN,Name\n1,A\n", "utf-8-sig"),
        ("URN,Name\n1,Café\n".encode(), "utf-8"),
        ("URN,Name\n1,Café – St Mary’s\n".encode("cp1252"), "cp1252"),
        (b"URN,Name\n1,\x81\xe9\n", "latin-1"),  # 0x81 is undefined in cp1252
        (b"URN,Name\n1,plain\n", "utf-8"),
    ],
)
def test_detect_encoding(raw, expected):
    assert detect_encoding(raw) == expected


def test_utf16_is_refused_with_a_reason(write_file):
    path = write_file("schools.csv", "URN,Name\n1,A\n", encoding="utf-16")
    with pytest.raises(FileRejected) as caught:
        read_table(path)
    assert "UTF-16" in str(caught.value)
    assert caught.value.errors[0].file == "schools.csv"


def test_cp1252_text_keeps_its_characters(write_file):
    path = write_file("s.csv", "URN,Name\n1,St Mary’s – Café\n", encoding="cp1252")
    table = read_table(path)
    assert table.rows[0][1] == "St Mary’s – Café"
    assert table.encoding == "cp1252"


def test_ragged_rows_are_kept_and_numbered_as_a_spreadsheet_shows(write_file):
    path = write_file("r.csv", "A,B,C\r\n1,2\r\n3,4,5,6\r\n")
    table = read_table(path)
    assert list(table.numbered_rows()) == [(2, ["1", "2"]), (3, ["3", "4", "5", "6"])]


def test_quoted_newlines_do_not_shift_row_numbers(write_file):
    path = write_file("q.csv", 'A,B\n1,"two\nlines"\n3,x\n')
    assert [n for n, _ in read_table(path).numbered_rows()] == [2, 3]


def test_empty_file_is_refused(write_file):
    with pytest.raises(FileRejected, match="empty"):
        read_table(write_file("e.csv", ""))


def test_header_found_below_title_rows(write_file):
    path = write_file("t.csv", "A,B,C\n1,2,3\nLA num,LA Name\n301,Barking\n")
    table = read_table(path, header_hint=("LA num", "LA Name"))
    assert table.header == ["LA num", "LA Name"]
    assert table.header_row == 3
    assert list(table.numbered_rows()) == [(4, ["301", "Barking"])]


def test_xlsx_edition_reads_like_the_csv(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["URN", "Pupils", "Share"])
    sheet.append([100000, 285, 49.5])
    path = tmp_path / "s.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert table.header == ["URN", "Pupils", "Share"]
    assert table.rows[0] == ["100000", "285", "49.5"]


def test_a_corrupt_workbook_is_refused(write_file):
    with pytest.raises(FileRejected, match="cannot read"):
        read_table(write_file("broken.xlsx", b"PK\x03\x04 not really a zip"))


def test_real_neighbours_workbook_header_is_on_row_3(raw_file):
    table = read_table(
        raw_file("lait_statistical_neighbours_may2025.xlsx"), header_hint=("LA num", "SN1")
    )
    assert table.header_row == 3
    assert table.header[:3] == ["LA num", "LA Name", "LA number"]
    # 159 LAs; two blank rows sit among them in the published sheet.
    assert sum(1 for row in table.rows if any(row)) == 159


def test_real_parquet_reads_as_text(raw_file):
    table = read_table(raw_file("lait_bds_long_la_indicators.parquet"))
    assert len(table) == 641_070
    assert table.header[0] == "Short Desc"
    assert all(isinstance(cell, str) for cell in table.rows[0])


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (3.0, "3"), (2.5, "2.5"), (float("nan"), ""), ("  x ", "x"), (True, "TRUE")],
)
def test_cell_text(value, text):
    assert cell_text(value) == text
