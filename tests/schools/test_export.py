"""`uplift export schools`: an LA's establishments with their latest grade, as CSV or JSON."""

import csv
import io
import json
import subprocess
import sys
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from uplift.directory.export import EXPORT_COLUMNS, establishments_for_export
from uplift.inspections import frameworks
from uplift.inspections.models import (
    CategoryOfConcern,
    Inspection,
    InspectionKind,
    InspectionSource,
    Judgement,
)
from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup

GRADED, UNGRADED = InspectionKind.GRADED, InspectionKind.UNGRADED
MONITORING, REPORT_CARD = InspectionKind.MONITORING, InspectionKind.REPORT_CARD


@pytest.fixture
def herts():
    return LocalAuthority.objects.create(code="919", name="Hertfordshire")


def school(la, urn, name="School", **fields):
    defaults = {
        "laestab": f"{la.code}{urn % 10000:04d}",
        "phase": "Primary",
        "phase_group": PhaseGroup.PRIMARY,
        "type_name": "Community school",
        "status": "Open",
        "pupils": 200,
    }
    return Establishment.objects.create(urn=urn, la=la, name=name, **{**defaults, **fields})


def inspect(establishment, day, kind=GRADED, grade=None, areas=(), **fields):
    """An inspection on the framework in force that day, with area grades (code, grade)."""
    framework = frameworks.framework_on(day)
    inspection = Inspection.objects.create(
        establishment=establishment,
        framework=framework.code,
        kind=kind,
        start_date=day,
        overall_grade=grade,
        source=InspectionSource.MANUAL,
        **fields,
    )
    for area, code in areas:
        Judgement.objects.create(
            inspection=inspection, area=area, grade=code, grade_rank=framework.grade(code).rank
        )
    return inspection


def export(*args) -> str:
    out = io.StringIO()
    call_command("export", "schools", *args, stdout=out)
    return out.getvalue()


def rows_by_urn(la_code="919") -> dict[int, dict]:
    return {row.urn: row for row in establishments_for_export(la_code=la_code)}


@pytest.mark.django_db
def test_latest_graded_inspection_and_latest_ungraded_one(herts):
    abbey = school(herts, 117001, "Abbey Primary")
    inspect(abbey, date(2017, 3, 1), grade=3)
    inspect(abbey, date(2022, 5, 10), grade=2, category_of_concern="")
    inspect(abbey, date(2023, 11, 7), UNGRADED, outcome="School remains Good")
    inspect(abbey, date(2024, 2, 1), MONITORING, outcome="Taking effective action")
    row = rows_by_urn()[117001]
    assert (row.latest_framework, row.latest_start_date, row.latest_grade) == (
        "Education inspection framework",
        date(2022, 5, 10),
        "Good",
    )
    assert (row.latest_ungraded_date, row.latest_ungraded_outcome) == (
        date(2023, 11, 7),
        "School remains Good",
    )
    assert (row.laestab, row.name, row.phase, row.type, row.status, row.pupils) == (
        "9197001",
        "Abbey Primary",
        "Primary",
        "Community school",
        "Open",
        200,
    )


@pytest.mark.django_db
def test_grade_labels_on_each_framework(herts):
    old = school(herts, 117002)
    inspect(
        old, date(2011, 1, 12), grade=3, category_of_concern=CategoryOfConcern.NOTICE_TO_IMPROVE
    )
    measures = school(herts, 117003)
    inspect(
        measures, date(2018, 6, 5), grade=4, category_of_concern=CategoryOfConcern.SPECIAL_MEASURES
    )
    no_overall = school(herts, 117004)
    inspect(
        no_overall,
        date(2025, 1, 15),
        areas=[("leadership_management", "2"), ("quality_of_education", "3")],
    )
    report_card = school(herts, 117005)
    inspect(no_overall, date(2019, 1, 15), grade=1)
    inspect(report_card, date(2023, 1, 15), grade=2)
    inspect(
        report_card,
        date(2026, 2, 4),
        REPORT_CARD,
        areas=[
            ("leadership_governance", "expected"),
            ("inclusion", "strong"),
            ("curriculum_teaching", "expected"),
        ],
    )
    never = school(herts, 117006)
    rows = rows_by_urn()
    assert (rows[117002].latest_grade, rows[117002].category_of_concern) == (
        "Satisfactory",
        "Notice to improve",
    )
    assert (rows[117003].latest_grade, rows[117003].category_of_concern) == (
        "Inadequate",
        "Special measures",
    )
    assert rows[117004].latest_grade == (
        "Quality of education: Requires improvement; Leadership and management: Good"
    )
    assert rows[117004].latest_framework == "Education inspection framework (no overall grade)"
    assert rows[117005].latest_grade == (
        "Inclusion: Strong standard; Curriculum and teaching: Expected standard; "
        "Leadership and governance: Expected standard"
    )
    assert rows[117005].latest_framework == "Report card framework"
    assert never.urn in rows
    assert (rows[117006].latest_grade, rows[117006].latest_start_date) == ("", None)


@pytest.mark.django_db
def test_only_the_las_establishments_open_and_closed(herts):
    other = LocalAuthority.objects.create(code="874", name="Peterborough")
    school(herts, 117010, "Open School")
    school(herts, 117011, "Closed School", status="Closed")
    school(other, 110599, "Elsewhere")
    assert set(rows_by_urn()) == {117010, 117011}
    assert set(rows_by_urn("874")) == {110599}


@pytest.mark.django_db
def test_query_count_does_not_grow_with_schools(herts, django_assert_max_num_queries):
    def add_schools(la, first_urn, count):
        for n in range(count):
            establishment = school(la, first_urn + n, f"School {n}")
            inspect(establishment, date(2016, 1, 1), grade=2)
            inspect(establishment, date(2022, 1, 1), UNGRADED, outcome="School remains Good")
            inspect(
                establishment, date(2026, 1, 20), REPORT_CARD, areas=[("inclusion", "expected")]
            )

    add_schools(herts, 117100, 1)
    with CaptureQueriesContext(connection) as one_school:
        assert len(establishments_for_export(la_code="919")) == 1
    many = LocalAuthority.objects.create(code="874", name="Peterborough")
    add_schools(many, 110100, 30)
    with django_assert_max_num_queries(len(one_school)) as thirty_schools:
        assert len(establishments_for_export(la_code="874")) == 30
    assert len(thirty_schools) == len(one_school)


@pytest.mark.django_db
def test_csv_and_json_output(herts):
    abbey = school(herts, 117001, "Abbey Primary, Watford")
    inspect(abbey, date(2022, 5, 10), grade=2)
    school(herts, 117002, "Beech Primary", pupils=None)

    rows = list(csv.DictReader(io.StringIO(export("--la", "919"))))
    assert tuple(rows[0]) == EXPORT_COLUMNS
    assert [r["name"] for r in rows] == ["Abbey Primary, Watford", "Beech Primary"]
    assert rows[0]["latest_start_date"] == "2022-05-10" and rows[0]["latest_grade"] == "Good"
    assert rows[1]["pupils"] == "" and rows[1]["latest_ungraded_date"] == ""

    data = json.loads(export("--la", "919", "--format", "json"))
    assert data[0]["urn"] == 117001 and data[0]["latest_start_date"] == "2022-05-10"
    assert data[1]["pupils"] is None and data[1]["phase_group"] == "Primary"


@pytest.mark.django_db
def test_csv_cells_a_spreadsheet_would_run_are_made_inert(herts):
    school(herts, 117001, '=HYPERLINK("http://bad")', phase="@SUM(A1)")
    school(herts, 117002, "-2+3 Academy", type_name="+44 Trust school")
    rows = list(csv.DictReader(io.StringIO(export("--la", "919"))))
    assert [(r["name"], r["phase"], r["type"], r["pupils"]) for r in rows] == [
        ("'-2+3 Academy", "Primary", "'+44 Trust school", "200"),
        ('\'=HYPERLINK("http://bad")', "'@SUM(A1)", "Community school", "200"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code,message", [("999", "no local authority with code 999"), ("x", "not a DfE LA code")]
)
def test_unknown_or_malformed_la_is_a_usage_error(code, message, herts):
    with pytest.raises(CommandError, match=message) as caught:
        export("--la", code)
    assert caught.value.returncode == 2


@pytest.mark.parametrize(
    "args", [["--la", "919", "--format", "xml"], ["--format", "csv"], ["teachers", "--la", "919"]]
)
def test_bad_arguments_exit_2(args):
    if args[0] != "teachers":
        args = ["schools", *args]
    command = [sys.executable, "-m", "uplift.cli", "export", *args]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 2, result.stderr


@pytest.mark.django_db
def test_current_category_column_follows_published_rounds_and_mid_year_changes(herts):
    from uplift.audit.models import Via
    from uplift.categorisation import services
    from uplift.categorisation.models import BoardOutcome
    from uplift.categorisation.rounds import services as rounds_services

    abbey = school(herts, 117001, "Abbey Primary")
    inspect(abbey, date(2022, 5, 10), grade=2)
    inspect(school(herts, 117002, "Beech Primary"), date(2021, 3, 3), grade=3)
    cli = {"actor": None, "via": Via.CLI}
    draft = services.create_policy_from_preset(
        **cli, la=herts, preset="peterborough_2013", name="Peterborough", reason="x"
    )
    version = services.activate_version(**cli, version=draft, reason="x")
    round_ = services.propose_round(
        **cli, la=herts, code="2026-autumn", policy_version=version, reason="x"
    ).round
    rows = {r["urn"]: r for r in csv.DictReader(io.StringIO(export("--la", "919")))}
    assert rows["117001"]["current_category"] == ""  # proposed, not yet published
    for row in round_.categorisations.all():
        rounds_services.decide_school(
            **cli, categorisation=row, version=row.version, decision="accepted"
        )
    round_.refresh_from_db()
    rounds_services.record_board_meeting(
        **cli,
        round=round_,
        version=round_.version,
        held_on=date(2026, 10, 1),
        members_present="Chair",
        minutes="Agreed",
        outcome=BoardOutcome.AGREED,
    )
    round_.refresh_from_db()
    rounds_services.publish_round(**cli, round=round_, version=round_.version, reason="x")
    assert rows_by_urn()[117001].current_category == "Category 2 (Good)"
    rounds_services.recategorise(
        **cli, establishment=abbey, category="4", reason="New evidence", evidence="Letter"
    )
    rows = {r["urn"]: r for r in csv.DictReader(io.StringIO(export("--la", "919")))}
    assert rows["117001"]["current_category"].startswith("Category 4")
    assert rows["117002"]["current_category"] != ""
