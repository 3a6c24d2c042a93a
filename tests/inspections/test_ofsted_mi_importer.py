"""`uplift import ofsted`: Ofsted management information, report-card and older editions."""

import csv
import io
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from uplift.imports.services import run_import
from uplift.inspections import frameworks
from uplift.inspections.models import Inspection, Judgement
from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup, RegisterSource

REAL = "ofsted_mi_state_funded_latest_2026-05_report_card_examples.csv"
FILES = Path(__file__).parent / "files"
EIF_2021 = FILES / "ofsted_mi_eif_2021-08_full_and_section8.csv"
EIF_2024 = FILES / "ofsted_mi_eif_2024-12_graded_and_ungraded.csv"
NOT_GIVEN = {"", "NULL", "Not applicable", "9", "Not judged"}
REPORT_CARD_AREAS = {
    "inclusion": "Inclusion",
    "curriculum_teaching": "Curriculum and teaching",
    "achievement": "Achievement",
    "attendance_behaviour": "Attendance and behaviour",
    "personal_development_wellbeing": "Personal development and wellbeing",
    "leadership_governance": "Leadership and governance",
    "early_years": "Early years (where applicable)",
    "post_16": "Post-16 provision (where applicable)",
}


def run(path):
    return run_import(importer_name="ofsted", path=path)


def rows_of(path) -> list[dict]:
    with open(path, newline="", encoding="cp1252") as handle:
        return list(csv.DictReader(handle))


def rejection(path) -> str:
    """Import through the CLI, expecting a rejection; return what it told the user."""
    err = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import", "ofsted", str(path), "--no-progress", stderr=err)
    assert raised.value.returncode == 1
    return err.getvalue()


def inspection(number: str) -> Inspection:
    return Inspection.objects.get(inspection_number=number)


def grades(found: Inspection) -> dict[str, str]:
    return dict(found.judgements.values_list("area", "grade"))


# --- the real report-card edition -------------------------------------------------------


@pytest.mark.django_db
def test_real_sample_imports_every_row_and_every_inspection_it_carries(raw_file):
    path = raw_file(REAL)
    rows = rows_of(path)
    out = io.StringIO()
    call_command("import", "ofsted", str(path), "--no-progress", stdout=out)
    assert "11 rows read, 11 added" in out.getvalue()
    assert set(Establishment.objects.values_list("urn", flat=True)) == {int(r["URN"]) for r in rows}

    def numbered(column):
        return {r[column] for r in rows if r[column] != "NULL"}

    expected = {
        "report_card": numbered("Inspection number of latest full inspection"),
        "graded": numbered("Inspection number of latest OEIF graded inspection"),
        "ungraded": numbered("Latest ungraded inspection number"),
    }
    for kind, numbers in expected.items():
        stored = Inspection.objects.filter(kind=kind).values_list("inspection_number", flat=True)
        assert set(stored) == numbers, kind
    assert len(rows) == 11 and Inspection.objects.count() == 22


@pytest.mark.django_db
def test_report_card_grade_counts_equal_the_file(raw_file):
    path = raw_file(REAL)
    run(path)
    rows = rows_of(path)
    rc2025 = frameworks.framework("rc2025")
    for area, column in REPORT_CARD_AREAS.items():
        in_file = Counter(r[column] for r in rows if r[column] not in NOT_GIVEN)
        stored = Counter(
            rc2025.grade(code).label
            for code in Judgement.objects.filter(
                inspection__framework="rc2025", area=area
            ).values_list("grade", flat=True)
        )
        assert stored == in_file, area
    in_file = Counter(
        r["Safeguarding standards"] for r in rows if r["Safeguarding standards"] != "NULL"
    )
    stored = Counter(
        Inspection.objects.filter(kind="report_card").values_list("safeguarding", flat=True)
    )
    assert stored == Counter(
        {{"Met": "met", "Not met": "not_met"}[k]: n for k, n in in_file.items()}
    )


@pytest.mark.django_db
def test_oeif_overall_and_area_counts_equal_the_file(raw_file):
    path = raw_file(REAL)
    run(path)
    rows = rows_of(path)
    column = "Latest OEIF overall effectiveness"
    in_file = Counter(int(r[column]) for r in rows if r[column] in {"1", "2", "3", "4"})
    graded = Inspection.objects.filter(kind="graded")
    assert (
        Counter(graded.exclude(overall_grade=None).values_list("overall_grade", flat=True))
        == in_file
    )
    for area, name in [
        ("quality_of_education", "quality of education"),
        ("early_years", "early years provision (where applicable)"),
    ]:
        column = f"Latest OEIF {name}"
        in_file = Counter(r[column] for r in rows if r[column] not in NOT_GIVEN)
        stored = Counter(
            Judgement.objects.filter(inspection__kind="graded", area=area).values_list(
                "grade", flat=True
            )
        )
        assert stored == in_file, area


@pytest.mark.django_db
def test_real_sample_keeps_what_each_inspection_was(raw_file):
    run(raw_file(REAL))
    card = inspection("10428075")  # Stepney All Saints: every area, post-16 included
    assert (card.framework, card.kind, card.safeguarding) == ("rc2025", "report_card", "met")
    assert card.start_date == date(2026, 2, 10) and card.publication_date == date(2026, 4, 19)
    assert grades(card) == {
        "inclusion": "exceptional",
        "curriculum_teaching": "strong",
        "achievement": "exceptional",
        "attendance_behaviour": "exceptional",
        "personal_development_wellbeing": "exceptional",
        "leadership_governance": "exceptional",
        "post_16": "strong",
    }
    assert set(card.judgements.values_list("graded_on", flat=True)) == {date(2026, 2, 10)}
    nursery = Establishment.objects.get(urn=110599)  # no report card yet
    assert (nursery.la.code, nursery.la.name, nursery.phase_group) == (
        "874",
        "Peterborough",
        "nursery",
    )
    assert nursery.laestab == "8741008" and nursery.register_source == RegisterSource.OFSTED
    graded = nursery.inspections.get(kind="graded")
    assert (graded.framework, graded.overall_grade, graded.safeguarding) == (
        "eif2019",
        1,
        "effective",
    )
    assert grades(graded) == {
        "overall_effectiveness": "1",
        "quality_of_education": "1",
        "behaviour_attitudes": "1",
        "personal_development": "1",
        "leadership_management": "1",
    }  # early years and sixth form are 9: not applicable
    ungraded = nursery.inspections.get(kind="ungraded")
    assert ungraded.outcome == "School remains Outstanding (Concerns) - S5 Next"
    assert (ungraded.urn_at_inspection, ungraded.name_at_inspection) == (
        110599,
        "Caverstede Nursery School",
    )
    assert ungraded.import_run_id is not None


@pytest.mark.django_db
def test_second_run_changes_nothing(raw_file, db_snapshot):
    path = raw_file(REAL)
    run(path)
    before = db_snapshot()
    second = run(path)
    assert (second.rows_added, second.rows_updated, second.rows_unchanged) == (0, 0, 11)
    assert db_snapshot() == before


@pytest.mark.django_db
def test_a_changed_grade_replaces_only_that_inspections_judgements(raw_file, write_file):
    path = raw_file(REAL)
    first = run(path)
    untouched = set(
        Judgement.objects.exclude(inspection__inspection_number="10428056").values_list(
            "id", flat=True
        )
    )
    text = path.read_bytes().decode("cp1252")
    head, first_row, rest = text.split("\n", 2)
    changed = write_file(
        "changed.csv",
        "\n".join([head, first_row.replace("Strong standard", "Exceptional", 1), rest]),
        "cp1252",
    )
    second = run(changed)
    assert (second.rows_updated, second.rows_unchanged) == (1, 10)
    card = inspection("10428056")
    assert grades(card)["inclusion"] == "exceptional"
    assert card.import_run_id == second.pk and inspection("10428074").import_run_id == first.pk
    assert untouched <= set(Judgement.objects.values_list("id", flat=True))


@pytest.mark.django_db
def test_a_school_already_in_the_register_keeps_its_own_values(raw_file):
    camden = LocalAuthority.objects.create(code="202", name="Camden")
    school = Establishment.objects.create(
        urn=100025,
        la=camden,
        laestab="2022775",
        name="Gospel Oak Primary School (as GIAS names it)",
        type_name="Community school",
        phase="Primary",
        phase_group=PhaseGroup.PRIMARY,
        register_source=RegisterSource.GIAS,
    )
    result = run(raw_file(REAL))
    school.refresh_from_db()
    assert school.name == "Gospel Oak Primary School (as GIAS names it)"
    assert (school.type_name, school.register_source) == ("Community school", "gias")
    assert (school.postcode, school.pupils) == ("NW3 2JB", 424)  # gaps are filled
    assert school.inspections.count() == 2
    assert "11 schools (10 new to the register)" in result.summary


# --- the older, education inspection framework editions ----------------------------------


@pytest.mark.django_db
def test_2021_edition_with_full_and_section_8_columns():
    result = run(EIF_2021)
    assert (result.rows_read, result.rows_added) == (6, 6)
    assert "not stored" not in result.summary  # the 2007 grade is kept, on the 2005 framework
    by_number = {
        i.inspection_number: (i.framework, i.kind, i.overall_grade)
        for i in Inspection.objects.all()
    }
    assert by_number == {
        "10134567": ("eif2019", "graded", 2),
        "10023456": ("cif2015", "graded", 3),
        "10145678": ("eif2019", "graded", 4),
        "10034567": ("cif2015", "graded", 3),
        "10001234": ("cif2015", "graded", 2),
        "400123": ("2009", "graded", 3),
        "301234": ("2005", "graded", 1),
        "10112345": ("eif2019", "ungraded", None),
        "10156789": ("eif2019", "graded", 4),
        "10045678": ("cif2015", "graded", 2),
        "10150001": ("eif2019", "graded", 2),
    }
    failing = inspection("10145678")
    assert (failing.category_of_concern, failing.safeguarding) == (
        "special_measures",
        "not_effective",
    )
    assert grades(failing) == {
        "overall_effectiveness": "4",
        "quality_of_education": "4",
        "behaviour_attitudes": "3",
        "personal_development": "3",
        "leadership_management": "4",
        "sixth_form": "3",
    }
    # Under the common inspection framework the sixth form is "16 to 19 study programmes".
    assert grades(inspection("10034567")) == {
        "overall_effectiveness": "3",
        "leadership_management": "3",
        "sixteen_to_nineteen": "3",
    }
    assert inspection("10156789").category_of_concern == "serious_weaknesses"
    assert inspection("400123").overall_label == "Satisfactory"
    section_8 = inspection("10112345")
    assert section_8.outcome == "School remains Good"
    assert section_8.establishment.name == "St Mary\u2019s Church of England Primary School"
    converted = inspection("10150001")
    assert (converted.urn_at_inspection, converted.laestab_at_inspection) == (110777, "8742222")
    assert converted.name_at_inspection == "Werrington Primary School"
    outstanding_2007 = Establishment.objects.get(urn=990103).inspections.get()
    assert (outstanding_2007.framework, outstanding_2007.overall_label) == ("2005", "Outstanding")
    assert run(EIF_2021).rows_unchanged == 6


@pytest.mark.django_db
def test_2024_edition_with_graded_and_ungraded_columns():
    result = run(EIF_2024)
    assert (result.rows_read, result.rows_added) == (4, 4)
    not_judged = inspection("10298765")
    assert (not_judged.framework, not_judged.overall_grade) == ("eif2024", None)
    assert grades(not_judged) == {
        "quality_of_education": "2",
        "behaviour_attitudes": "1",
        "personal_development": "2",
        "leadership_management": "2",
        "early_years": "2",
    }
    assert inspection("10276543").category_of_concern == "special_measures"
    assert inspection("150321").framework == "2009"
    ungraded = inspection("10287654")
    assert (ungraded.kind, ungraded.start_date, ungraded.outcome) == (
        "ungraded",
        date(2023, 11, 15),
        "School remains Good",
    )
    assert Establishment.objects.get(urn=990204).phase_group == PhaseGroup.SPECIAL
    assert run(EIF_2024).rows_unchanged == 4


# --- small files written in the tests --------------------------------------------------

RC_HEADER = [
    "URN",
    "LAESTAB",
    "School name",
    "Local authority",
    "Total number of pupils",
    "Inspection number of latest full inspection",
    "Inspection start date",
    "Category of concern",
    "Safeguarding standards",
    "Inclusion",
    "Inspection number of latest OEIF graded inspection",
    "Inspection start date of latest OEIF graded inspection",
    "Latest OEIF overall effectiveness",
    "Latest OEIF quality of education",
    "Latest OEIF  safeguarding is effective?",
]
GOOD_ROW = {
    "URN": "990301",
    "LAESTAB": "8742301",
    "School name": "Newark Hill Academy",
    "Local authority": "Peterborough",
    "Total number of pupils": "420",
    "Inspection number of latest full inspection": "10440001",
    "Inspection start date": "02/12/2025",
    "Category of concern": "",
    "Safeguarding standards": "Met",
    "Inclusion": "Needs attention",
    "Inspection number of latest OEIF graded inspection": "10250001",
    "Inspection start date of latest OEIF graded inspection": "11/05/2022",
    "Latest OEIF overall effectiveness": "3",
    "Latest OEIF quality of education": "3",
    "Latest OEIF  safeguarding is effective?": "Yes",
}


def report_card_file(*rows: dict, header=RC_HEADER) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, header, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@pytest.mark.django_db
def test_an_inspection_given_as_latest_full_and_latest_oeif_is_stored_once(write_file):
    row = GOOD_ROW | {
        "Inspection number of latest full inspection": "10250001",
        "Inspection start date": "11/05/2022",
        "Inclusion": "NULL",
        "Safeguarding standards": "NULL",
    }
    run(write_file("once.csv", report_card_file(row)))
    stored = Inspection.objects.get()
    assert (stored.inspection_number, stored.framework, stored.overall_grade) == (
        "10250001",
        "eif2019",
        3,
    )
    assert stored.safeguarding == "effective"
    assert grades(stored) == {"overall_effectiveness": "3", "quality_of_education": "3"}


@pytest.mark.django_db
def test_a_ragged_row_reads_its_missing_cells_as_blank(write_file):
    full = report_card_file(GOOD_ROW).splitlines()
    ragged = ",".join(full[1].split(",")[:10])  # stops after "Inclusion"
    result = run(write_file("ragged.csv", f"{full[0]}\r\n{ragged}\r\n"))
    assert result.rows_added == 1
    stored = Inspection.objects.get()
    assert (stored.kind, stored.safeguarding, grades(stored)) == (
        "report_card",
        "met",
        {"inclusion": "needs_attention"},
    )


@pytest.mark.django_db
def test_category_of_concern_words_and_codes(write_file):
    rows = [
        GOOD_ROW
        | {
            "URN": str(990400 + n),
            "Inspection number of latest full inspection": str(10440100 + n),
            "Category of concern": word,
        }
        for n, word in enumerate(
            ["Special Measures", "SWK", "Requires significant improvement", "None"]
        )
    ]
    run(write_file("categories.csv", report_card_file(*rows)))
    stored = dict(
        Inspection.objects.filter(kind="report_card").values_list(
            "establishment__urn", "category_of_concern"
        )
    )
    assert stored == {
        990400: "special_measures",
        990401: "serious_weaknesses",
        990402: "requires_significant_improvement",
        990403: "",
    }


BROKEN = {
    "bad report-card word": (
        report_card_file(GOOD_ROW | {"Inclusion": "Brilliant"}),
        ["row 2", "'Inclusion'", "'Brilliant'", "not a report-card grade"],
    ),
    "report-card grade before report cards began": (
        report_card_file(GOOD_ROW | {"Inspection start date": "03/11/2025"}),
        ["row 2", "'Inclusion'", "'Needs attention'", "wrong scale", "03/11/2025"],
    ),
    "four-point grade in a report-card column": (
        report_card_file(GOOD_ROW | {"Inclusion": "2"}),
        ["row 2", "'Inclusion'", "'2'", "not a report-card grade"],
    ),
    "bad OEIF grade": (
        report_card_file(
            GOOD_ROW, GOOD_ROW | {"URN": "990302", "Latest OEIF overall effectiveness": "5"}
        ),
        ["row 3", "'Latest OEIF overall effectiveness'", "'5'", "not a grade"],
    ),
    "overall grade when the framework gave none": (
        report_card_file(
            GOOD_ROW | {"Inspection start date of latest OEIF graded inspection": "01/10/2024"}
        ),
        ["row 2", "'Latest OEIF overall effectiveness'", "gave none"],
    ),
    "bad date": (
        report_card_file(GOOD_ROW | {"Inspection start date": "31/02/2026"}),
        ["row 2", "'Inspection start date'", "'31/02/2026'", "not a date"],
    ),
    "inspection number without a date": (
        report_card_file(GOOD_ROW | {"Inspection start date": "NULL"}),
        ["row 2", "'Inspection start date'", "no start date"],
    ),
    "bad safeguarding word": (
        report_card_file(GOOD_ROW | {"Safeguarding standards": "Maybe"}),
        ["row 2", "'Safeguarding standards'", "'Maybe'", "Met or Not met"],
    ),
    "bad category of concern": (
        report_card_file(GOOD_ROW | {"Category of concern": "Unhappy"}),
        ["row 2", "'Category of concern'", "'Unhappy'"],
    ),
    "text in a number column": (
        report_card_file(GOOD_ROW | {"Total number of pupils": "lots"}),
        ["row 2", "'Total number of pupils'", "'lots'", "not a whole number"],
    ),
    "short LAESTAB": (
        report_card_file(GOOD_ROW | {"LAESTAB": "874"}),
        ["row 2", "'LAESTAB'", "'874'", "7-digit"],
    ),
    "duplicated URN": (
        report_card_file(GOOD_ROW, GOOD_ROW),
        ["row 3", "'URN'", "'990301'", "also on row 2"],
    ),
    "missing URN column": (
        report_card_file(GOOD_ROW, header=RC_HEADER[1:]),
        ["row 1", "'URN'", "missing column"],
    ),
    "header only": (report_card_file(), ["header but no data rows"]),
    "empty file": ("", ["the file is empty"]),
    "no edition columns": (
        "URN,LAESTAB,School name\n990301,8742301,Newark Hill Academy\n",
        ["Overall effectiveness", "neither a report-card nor"],
    ),
    "a GIAS file": (
        "URN,LA (code),EstablishmentNumber,EstablishmentName,TypeOfEstablishment (name)\n"
        "117083,919,2001,Abbots Langley School,Community school\n",
        ["missing column(s)", "LAESTAB, School name", "uplift import ofsted"],
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", BROKEN)
def test_broken_files_are_rejected_and_change_nothing(case, write_file, db_snapshot):
    run(EIF_2024)  # something already in the database
    before = db_snapshot()
    text, expected = BROKEN[case]
    message = rejection(write_file("broken.csv", text, "cp1252"))
    for words in expected:
        assert words in message, (case, message)
    assert db_snapshot() == before


@pytest.mark.django_db
def test_a_utf16_file_is_rejected(write_file, db_snapshot):
    before = db_snapshot()
    message = rejection(write_file("utf16.csv", report_card_file(GOOD_ROW), "utf-16"))
    assert "UTF-16" in message
    assert db_snapshot() == before


@pytest.mark.django_db
def test_dry_run_writes_nothing(db_snapshot):
    before = db_snapshot()
    out = io.StringIO()
    call_command("import", "ofsted", str(EIF_2024), "--no-progress", "--dry-run", stdout=out)
    assert out.getvalue().startswith("DRY RUN") and "4 added" in out.getvalue()
    assert db_snapshot() == before
