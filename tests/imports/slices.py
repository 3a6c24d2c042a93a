"""Small slices of the real public files (the header and a few rows, byte for byte), and
the damage the regression and fuzz tests do to them.

A slice keeps each record's own text (quoting, line ends, encoding), so that a damaged
slice differs from the published file only by the damage.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from uplift.imports.reading import detect_encoding


def records_of(text: str) -> list[str]:
    """The text of each CSV record, with its line end (a quoted value may span lines)."""
    lines = list(io.StringIO(text, newline=""))
    reader = csv.reader(iter(lines))
    records, start = [], 0
    for _ in reader:
        records.append("".join(lines[start : reader.line_num]))
        start = reader.line_num
    return records


def fields_of(record: str) -> list[str]:
    return next(csv.reader(io.StringIO(record, newline="")), [])


@dataclass
class Slice:
    """A header and some data records of a real file, ready to write or to damage."""

    name: str
    encoding: str
    header: str
    records: list[str]
    importer: str
    options: dict = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        """The header row's names (the header text may start with title rows)."""
        header_row = records_of(self.header.lstrip("\ufeff"))[-1]
        return [name.strip() for name in fields_of(header_row)]

    def rows(self) -> list[list[str]]:
        return [fields_of(record) for record in self.records]

    def text(self, records: list[str] | None = None) -> str:
        return self.header + "".join(self.records if records is None else records)

    def encode(self, text: str) -> bytes:
        """In the slice's encoding, or as UTF-8 when the damage cannot be written in it."""
        try:
            return text.encode(self.encoding)
        except UnicodeEncodeError:
            return text.encode("utf-8", errors="surrogatepass")

    def with_cell(self, record: int, column: str, value: str) -> str:
        """The slice's text with one cell replaced (the record rewritten, quoted minimally)."""
        records = list(self.records)
        cells = fields_of(records[record])
        position = self.columns.index(column)
        cells += [""] * (position + 1 - len(cells))
        cells[position] = value
        records[record] = rewrite(records[record], cells)
        return self.text(records)

    def row_number(self, record: int) -> int:
        """The row a person sees (the header is row 1)."""
        return 2 + record


def rewrite(record: str, cells: list[str]) -> str:
    ending = record[len(record.rstrip("\r\n")) :]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    return buffer.getvalue() + ending


def cut(raw_dir: Path, name: str, *, rows, importer: str, options=None) -> Slice:
    """A slice of a real CSV file: its header and the data records `rows` picks, given the
    list of parsed data rows (e.g. `lambda rows: [0, 1, 2]`)."""
    raw = (raw_dir / name).read_bytes()
    encoding = detect_encoding(raw)
    if encoding == "utf-8-sig":
        encoding = "utf-8"  # the BOM stays in the header text
    records = records_of(raw.decode(encoding))
    header, data = records[0], records[1:]
    chosen = [data[i] for i in rows([fields_of(r) for r in data])]
    chosen = [r if r.endswith(("\n", "\r")) else r + _line_end(header) for r in chosen]
    return Slice(name, encoding, header, chosen, importer, dict(options or {}))


def _line_end(header: str) -> str:
    return "\r\n" if header.endswith("\r\n") else "\n"


def xlsx_bomb(path: Path, *, rows: int, columns: int, refs: bool = False) -> Path:
    """A small XLSX whose one sheet expands to `rows` x `columns` number cells (written
    straight into the zip: identical rows compress about a thousandfold)."""
    row = ("<row>" + "<c><v>100001</v></c>" * columns + "</row>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        _workbook_parts(archive)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(SHEET_START)
            header = "".join(f"<c t='inlineStr'><is><t>URN{c}</t></is></c>" for c in range(columns))
            sheet.write(f"<row>{header}</row>".encode())
            block = row * 1000
            for _ in range(rows // 1000):
                sheet.write(block)
            sheet.write(row * (rows % 1000))
            if refs:
                sheet.write(b'<row r="999999"><c r="ZZ999999"><v>1</v></c></row>')
            sheet.write(SHEET_END)
    return path


def xlsx_of(path: Path, sheet_xml: bytes) -> Path:
    """An XLSX holding one sheet of the given XML (between <sheetData> and </sheetData>)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        _workbook_parts(archive)
        archive.writestr("xl/worksheets/sheet1.xml", SHEET_START + sheet_xml + SHEET_END)
    return path


def ods_of(path: Path, table_xml: str) -> Path:
    """An ODS holding one sheet of the given rows (<table:table-row> elements)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODS_MIMETYPE)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", ODS_START + table_xml + ODS_END)
    return path


def _workbook_parts(archive: zipfile.ZipFile) -> None:
    archive.writestr("[Content_Types].xml", CONTENT_TYPES)
    archive.writestr("_rels/.rels", ROOT_RELS)
    archive.writestr("xl/workbook.xml", WORKBOOK)
    archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
    'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
    'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELS}"><Relationship '
    f'Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELS}"><Relationship '
    f'Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_START = f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()
SHEET_END = b"</sheetData></worksheet>"
ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:'
    'tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
    'spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
    '"text/xml"/></manifest:manifest>'
)
ODS_START = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:'
    'names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:'
    'xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1">'
)
ODS_END = "</table:table></office:spreadsheet></office:body></office:document-content>"


def ods_cell(value: str) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    )
