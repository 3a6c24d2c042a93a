"""Signs that a file was damaged on its way: a last line cut off, control characters.

A file cut off in transfer usually stops in the middle of a line. DfE files legitimately
have short rows (trailing fields left out) and often no line end after the last row, so a
last line counts as cut off only when the file stops without a line end and the line is in
an open quoted value, or it has fewer fields than the header and no other row of the file
has that many (DfE's short rows come in a few fixed widths; a cut falls anywhere).
"""

import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from uplift.imports.errors import RowError

# C0 controls but tab, line feed and carriage return, and DEL. (C1 controls are left alone:
# GIAS writes U+0092 for a Windows apostrophe in some names.)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_CONTROL_ERRORS = 20
_EDITION = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-_]?([01][0-9])[-_]?([0-3][0-9])(?![0-9])")


def control_errors(
    name: str, header: Sequence[str], rows: Iterable[tuple[int, Sequence[str]]]
) -> list[RowError]:
    """One error per cell holding a control character (at most MAX_CONTROL_ERRORS)."""
    errors = []
    for number, row in rows:
        if not CONTROL.search("\n".join(row)):
            continue
        for position, cell in enumerate(row):
            found = CONTROL.search(cell)
            if found:
                column = header[position] if position < len(header) else f"column {position + 1}"
                errors.append(
                    RowError(
                        name,
                        number,
                        column,
                        cell,
                        f"contains a control character (U+{ord(found.group()):04X}), which no "
                        "published file has: the file is damaged or not text",
                    )
                )
                if len(errors) >= MAX_CONTROL_ERRORS:
                    return errors
    return errors


def ends_inside_quotes(record: str) -> bool:
    """Whether CSV text stops inside a quoted value (the csv module reads one as ended)."""
    quoted = False
    field_start = True
    position, length = 0, len(record)
    while position < length:
        char = record[position]
        if quoted:
            if char == '"':
                if position + 1 < length and record[position + 1] == '"':
                    position += 1
                else:
                    quoted = False
        elif char == '"' and field_start:
            quoted = True
        field_start = not quoted and char in ",\r\n"
        position += 1
    return quoted


def last_record_start(text: str, last_record_line: int) -> int:
    """Where the physical line `last_record_line` (1-based) begins, counting lines as the
    csv module does (one pass, at C speed)."""
    position = 0
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        if number == last_record_line:
            break
        position += len(line)
    return position


def cut_off_last_row(
    name: str,
    *,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    header_row: int,
    tail: str,
) -> RowError | None:
    """The error for a last row cut off in transfer, else None. `tail`: the text of the last
    record when the file ends without a line end (empty when it ends with one)."""
    if not tail or not rows:
        return None
    number = header_row + len(rows)
    last = rows[-1]
    column = header[len(last) - 1] if 0 < len(last) <= len(header) else ""
    value = last[-1] if last else ""
    if ends_inside_quotes(tail):
        return RowError(
            name,
            number,
            column,
            value,
            "the file stops inside a quoted value on its last line: it was cut off; "
            "download it again",
        )
    if len(last) >= len(header):
        return None
    if any(len(row) == len(last) for row in rows[:-1]):
        return None  # a short row of a width the file uses elsewhere
    return RowError(
        name,
        number,
        column,
        value,
        f"the last line stops after {len(last)} of the header's {len(header)} fields, "
        "without a line end: it was cut off; download it again",
    )


def edition_date(file_name: str, *, today: date) -> date | None:
    """The date a file's name gives (edubasealldata20250422.csv), if it is a plausible one."""
    for match in _EDITION.finditer(file_name):
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
        if date(1990, 1, 1) <= day <= today + timedelta(days=366):
            return day
    return None
