"""Every damaged file a hostile tester found overwriting good data or crashing the import,
made again from the real files: each is refused with status 1 and a one-line reason that
names the file, row, column and value; nothing changes; the import history records it."""

from decimal import Decimal

import pytest

from tests.imports.slices import fields_of, rewrite
from uplift.imports import values
from uplift.imports.errors import CellError
from uplift.inspections.models import Inspection, Judgement
from uplift.performance.models import Result
from uplift.schools.models import Establishment, LocalAuthority

pytestmark = [pytest.mark.django_db, pytest.mark.real_data]


def cut_after(record: str, column_count: int, keep: int | None = None) -> str:
    """The record's text up to its `column_count`-th field, the last one cut to `keep`
    characters, with no line end: a download that stopped there."""
    cells = fields_of(record)[:column_count]
    if keep is not None:
        cells[-1] = cells[-1][:keep]
    return rewrite("", cells)


# Truncated files: the last line stops part-way and the file has no line end.


def test_truncated_gias_last_row_keeps_the_school(slices, imported, refused):
    gias = slices["gias"]
    imported(gias)
    low_age_at = gias.columns.index("StatutoryHighAge")
    last = cut_after(gias.records[2], low_age_at + 1, keep=1)
    refused(
        gias,
        gias.text(gias.records[:2] + [last]),
        row=4,
        column="StatutoryHighAge",
        value="1",
        why="cut off",
    )
    school = Establishment.objects.get(urn=115852)
    assert (school.status, school.phase, school.statutory_low_age, school.pupils) == (
        "Open",
        "Primary",
        7,
        349,
    )


def test_truncated_gias_row_in_an_open_quote(slices, imported, refused):
    gias = slices["gias"]
    imported(gias)
    text = gias.text(gias.records[:3]) + gias.records[3][: gias.records[3].index("Portway") + 4]
    refused(gias, text, row=5, column="EstablishmentName", value="Port", why="inside a quoted")


def test_truncated_ofsted_last_row_keeps_the_judgements(slices, imported, refused):
    ofsted = slices["ofsted"]
    imported(ofsted)
    school = Judgement.objects.filter(inspection__establishment__urn=100975)
    judgements = sorted(school.values_list("area", "grade"))
    safeguarding = Inspection.objects.filter(
        establishment__urn=100975, kind="report_card"
    ).values_list("safeguarding", flat=True)
    assert len(judgements) == 7 and list(safeguarding) == ["met"]
    safeguarding_at = ofsted.columns.index("Safeguarding standards")
    last = cut_after(ofsted.records[2], safeguarding_at + 1, keep=2)
    refused(
        ofsted,
        ofsted.text(ofsted.records[:2] + [last]),
        row=4,
        column="Safeguarding standards",
        value="Me",
        why="cut off",
    )
    assert sorted(school.values_list("area", "grade")) == judgements
    assert list(safeguarding) == ["met"]


def test_truncated_absence_last_row_keeps_the_figure(slices, imported, refused):
    absence = slices["absence"]
    imported(absence)
    last = cut_after(absence.records[2], 4, keep=1)  # 3.9 -> 3, and no PPERSABS10
    refused(
        absence,
        absence.text(absence.records[:2] + [last]),
        row=4,
        column="PERCTOT",
        value="3",
        why="cut off",
    )
    result = Result.objects.get(measure__code="absence.PERCTOT", subject_key="urn:117084")
    assert result.value == Decimal("3.9")


def test_short_last_rows_of_a_width_the_file_uses_still_import(raw_file, imported, slices):
    """The published KS2 file ends without a line end, on a row as short as most of its
    rows (280 of 306 fields): that is DfE's layout, not damage."""
    ks2 = slices["ks2"]
    last = ks2.records[-1].rstrip("\r\n")
    assert len(fields_of(last)) < len(ks2.columns)
    imported(ks2, ks2.text(ks2.records[:-1] + [last]))


# Phantom records: identifiers of the wrong shape.


def test_urn_in_exponent_notation(slices, refused):
    gias = slices["gias"]
    refused(
        gias, gias.with_cell(1, "URN", "1e5"), row=3, column="URN", value="1e5", why="not a URN"
    )
    assert not Establishment.objects.filter(urn=100000).exists()


def test_full_width_la_code(slices, imported, refused):
    gias = slices["gias"]
    imported(gias)
    refused(
        gias,
        gias.with_cell(0, "LA (code)", "８５０"),
        row=2,
        column="LA (code)",
        value="８５０",
        why="not a DfE LA code",
    )
    assert Establishment.objects.get(urn=115850).la.code == "850"
    assert set(LocalAuthority.objects.values_list("code", flat=True)) == {"850"}


def test_split_row(slices, imported, refused):
    gias = slices["gias"]
    imported(gias)
    record = gias.records[1]
    at = record.index(",7,11,")  # a line break where the ages begin
    split = record[:at] + "\r\n" + record[at + 1 :]
    text = gias.text([gias.records[0], split, *gias.records[2:]])
    refused(gias, text, row=4, column="URN", value="7", why="not a URN")
    assert not Establishment.objects.filter(urn__lt=100000).exists()


def test_swapped_columns_do_not_create_la_000(slices, imported, refused):
    census = slices["census"]
    imported(census)
    la, count = census.columns.index("LA"), census.columns.index("NUMUNCFL")
    records = []
    for record in census.records:
        cells = fields_of(record)
        cells[la], cells[count] = cells[count], cells[la]
        records.append(rewrite(record, cells))
    refused(census, census.text(records), row=2, column="LA", value="0", why="not a DfE LA code")
    assert not LocalAuthority.objects.filter(code="000").exists()


def test_la_000_with_a_real_la_name(slices, imported, refused):
    gias = slices["gias"]
    imported(gias)
    refused(
        gias,
        gias.with_cell(2, "LA (code)", "000"),
        row=4,
        column="LA (code)",
        value="000",
        why="'does not apply', but the LA name is 'Hampshire'",
    )
    assert Establishment.objects.get(urn=115852).la.code == "850"


# Implausible values.


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("٤٢", "only the digits 0-9"),
        ("𝟒𝟐", "only the digits 0-9"),
        ("-1", "a count must be between 0 and 100,000"),
        ("1.5", "not a whole number"),
        ("2147483648", "a count must be between 0 and 100,000"),
    ],
    ids=["arabic_indic", "mathematical", "negative", "fraction", "beyond_32_bits"],
)
def test_impossible_pupil_numbers(slices, imported, refused, value, why):
    gias = slices["gias"]
    imported(gias)
    text = gias.with_cell(1, "NumberOfPupils", value)
    refused(gias, text, row=3, column="NumberOfPupils", value=value, why=why)
    assert Establishment.objects.get(urn=115851).pupils == 234


def test_percentage_over_100(slices, imported, refused):
    absence = slices["absence"]
    imported(absence)
    text = absence.with_cell(0, "PERCTOT", "101.5")
    refused(
        absence,
        text,
        row=2,
        column="PERCTOT",
        value="101.5",
        why="a percentage must be between 0 and 100",
    )


def test_inspection_in_9999(slices, imported, refused):
    ofsted = slices["ofsted"]
    imported(ofsted)
    text = ofsted.with_cell(0, "Inspection start date", "13/01/9999")
    refused(
        ofsted,
        text,
        row=2,
        column="Inspection start date",
        value="13/01/9999",
        why="not plausible for this file",
    )
    assert not Inspection.objects.filter(start_date__year=9999).exists()


def test_opening_date_in_year_1(slices, refused):
    gias = slices["gias"]
    text = gias.with_cell(0, "OpenDate", "01-09-0001")
    refused(gias, text, row=2, column="OpenDate", value="01-09-0001", why="before 01/01/1800")


def test_low_age_above_high_age(slices, refused):
    gias = slices["gias"]
    text = gias.with_cell(0, "StatutoryLowAge", "11")
    refused(
        gias,
        text,
        row=2,
        column="StatutoryLowAge",
        value="11",
        why="the lowest age (11) is above the highest age (7)",
    )


def test_urn_beyond_32_bits(slices, refused):
    links = slices["gias-links"]
    text = links.with_cell(0, "LinkURN", "2147483648")
    refused(links, text, row=2, column="LinkURN", value="2147483648", why="not a URN")


# Values that crashed the import with a traceback.


def test_measure_of_1e30(slices, refused):
    ks4 = slices["ks4"]
    text = ks4.with_cell(0, "P8MEA", "1e30")
    refused(ks4, text, row=2, column="P8MEA", value="1e30", why="a power of ten")


def test_measure_of_1e999999_is_refused_without_decimal(slices, refused, monkeypatch):
    seen = []
    decimal = values.Decimal

    def spy(text="0", *args):
        seen.append(text)
        return decimal(text, *args)

    monkeypatch.setattr(values, "Decimal", spy)
    absence = slices["absence"]
    text = absence.with_cell(0, "PERCTOT", "1e999999")
    refused(absence, text, row=2, column="PERCTOT", value="1e999999", why="a power of ten")
    lait = slices["lait"]
    text = lait.with_cell(0, "Values", "1e999999")
    refused(lait, text, row=2, column="Values", value="1e999999", why="not a number")
    assert not [text for text in seen if "e" in str(text).lower()]
    with pytest.raises(CellError):
        values.parse_number("9" * 5000)


def test_nul_byte(slices, imported, refused):
    gias = slices["gias"]
    imported(gias)
    text = gias.with_cell(1, "EstablishmentName", "Anstey\x00 Junior School")
    run = refused(
        gias,
        text,
        row=3,
        column="EstablishmentName",
        value="Anstey\x00 Junior School",
        why="control character (U+0000)",
    )
    assert run.errors[0]["value"] == "Anstey\\x00 Junior School"
    assert Establishment.objects.get(urn=115851).name == "Anstey Junior School"


def test_integer_beyond_32_bits_in_ofsted_pupils(slices, imported, refused):
    ofsted = slices["ofsted"]
    imported(ofsted)
    text = ofsted.with_cell(1, "Total number of pupils", "99999999999")
    refused(
        ofsted,
        text,
        row=3,
        column="Total number of pupils",
        value="99999999999",
        why="a count must be between",
    )


def test_look_alike_digits_in_the_year_option(slices, tmp_path):
    from uplift.imports.errors import FileRejected
    from uplift.imports.services import run_import

    absence = slices["absence"]
    path = tmp_path / absence.name
    path.write_bytes(absence.encode(absence.text()))
    with pytest.raises(FileRejected, match="should look like 2023-24"):
        run_import(
            importer_name="performance",
            path=path,
            options={"dataset": "absence", "year": "٢٠٢٣-٢٤"},
        )
    assert not Result.objects.exists()
