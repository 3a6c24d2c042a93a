"""Categories by phase and the priority school list, worked out by hand from a small fixture;
who may read which round; page, CSV and API agree."""

import csv
import io
from datetime import UTC, date, datetime

import pytest
from django.test import Client

from uplift.api.services import create_token
from uplift.categorisation.models import (
    Policy,
    PolicyVersion,
    Round,
    RoundStatus,
    SchoolCategorisation,
    VersionStatus,
)
from uplift.categorisation.presets import preset
from uplift.inspections.models import InspectionKind
from uplift.reports.categories import categories_by_phase, priority_schools, readable_rounds
from uplift.reports.tables import categories_rows
from uplift.schools.models import Establishment, PhaseGroup

NOW = datetime(2026, 9, 1, tzinfo=UTC)
AS_AT = date(2026, 9, 1)


def make_round(la, version, code: str, as_at: date, status: str, categories: dict) -> Round:
    made = Round.objects.create(
        la=la,
        code=code,
        term="autumn",
        as_at=as_at,
        policy_version=version,
        status=status,
        created_at=NOW,
        updated_at=NOW,
    )
    for school, (proposed, final) in categories.items():
        SchoolCategorisation.objects.create(
            round=made,
            establishment=school,
            proposed_category=proposed,
            final_category=final,
            decision="overridden" if final else "",
            override_reason="Evidence from the visit" if final else "",
            proposed_at=NOW,
        )
    return made


@pytest.fixture
def world(herts, make_school, inspect, personas):
    """A primary 100 pupils, Good 2021: category 2 (3a in spring).
    B primary 200, RI 2019: proposed 3a, overridden to 3b (3a in spring).
    C primary 300, Inadequate 2022: category 4 (4 in spring).
    D secondary 1000, Outstanding: category 1.  E independent: category 2, not counted.
    F primary, never inspected; G primary, report card with an area needing attention;
    H primary, report card at the expected standard or better; I primary, RI 2015."""
    s = {
        "A": make_school(1, herts, 100),
        "B": make_school(2, herts, 200),
        "C": make_school(3, herts, 300),
        "D": make_school(4, herts, 1000, phase_group=PhaseGroup.SECONDARY),
        "E": make_school(5, herts, 50, type_name="Other independent school"),
        "F": make_school(6, herts, 80),
        "G": make_school(7, herts, 90),
        "H": make_school(8, herts, 95),
        "I": make_school(9, herts, 60),
    }
    for key, start, grade in (
        ("A", 2021, 2),
        ("B", 2019, 3),
        ("C", 2022, 4),
        ("D", 2018, 1),
        ("I", 2015, 3),
    ):
        inspect(s[key], date(start, 3, 1), grade=grade)
    for key, achievement in (("G", "needs_attention"), ("H", "expected")):
        inspect(
            s[key],
            date(2026, 1, 10),
            kind=InspectionKind.REPORT_CARD,
            framework="rc2025",
            areas={"inclusion": "strong", "achievement": achievement},
        )
    policy = Policy.objects.create(la=herts, name="Peterborough", created_at=NOW)
    version = PolicyVersion.objects.create(
        policy=policy,
        number=1,
        status=VersionStatus.ACTIVE,
        definition=preset("peterborough_2013").definition,
        change_note="From the preset",
        created_at=NOW,
    )
    spring = make_round(
        herts,
        version,
        "2026-spring",
        date(2026, 1, 5),
        RoundStatus.PUBLISHED,
        {s["A"]: ("3a", ""), s["B"]: ("3a", ""), s["C"]: ("4", "")},
    )
    autumn = make_round(
        herts,
        version,
        "2026-autumn",
        AS_AT,
        RoundStatus.PUBLISHED,
        {
            s["A"]: ("2", ""),
            s["B"]: ("3a", "3b"),
            s["C"]: ("4", ""),
            s["D"]: ("1", ""),
            s["E"]: ("2", ""),
        },
    )
    draft = make_round(
        herts, version, "2027-spring", date(2027, 1, 5), RoundStatus.PROPOSED, {s["A"]: ("1", "")}
    )
    return {"schools": s, "spring": spring, "autumn": autumn, "draft": draft, "users": personas}


# Primary: A, B, C (600 pupils); all phases: and D (1,600 pupils). E is independent.
EXPECTED = """
2026-autumn,Primary,1,Category 1 (Outstanding),no,0,0.0,0,0.0
2026-autumn,Primary,2,Category 2 (Good),no,1,33.3,100,16.7
2026-autumn,Primary,3a,Category 3a (Requires improvement +),maybe,0,0.0,0,0.0
2026-autumn,Primary,3b,Category 3b (Requires improvement -),yes,1,33.3,200,33.3
2026-autumn,Primary,4,Category 4 (Inadequate),yes,1,33.3,300,50.0
"""
EXPECTED_ALL = """
2026-autumn,All phases,1,Category 1 (Outstanding),no,1,25.0,1000,62.5
2026-autumn,All phases,2,Category 2 (Good),no,1,25.0,100,6.3
2026-autumn,All phases,3a,Category 3a (Requires improvement +),maybe,0,0.0,0,0.0
2026-autumn,All phases,3b,Category 3b (Requires improvement -),yes,1,25.0,200,12.5
2026-autumn,All phases,4,Category 4 (Inadequate),yes,1,25.0,300,18.8
"""


def lines(text: str) -> list[tuple[str, ...]]:
    return [tuple(line.split(",")) for line in text.strip().splitlines()]


def test_categories_by_phase_match_the_table_worked_out_by_hand(world, herts):
    report = categories_by_phase(
        la=herts, schools=Establishment.objects.all(), round=world["autumn"]
    )
    rows = categories_rows(report)
    assert rows[:5] == lines(EXPECTED)
    assert rows[-5:] == lines(EXPECTED_ALL)
    assert (report.phases[0].causing_concern, report.total.causing_concern) == (2, 2)
    assert report.left_out == 1


def test_priority_list_in_order(world, herts):
    report = priority_schools(
        la=herts,
        schools=Establishment.objects.all(),
        as_at=AS_AT,
        round=world["autumn"],
        previous_round=world["spring"],
    )
    found = [(e.establishment.urn, e.priority.rank, e.category, e.movement) for e in report.entries]
    assert found == [
        (3, 1, "Category 4 (Inadequate)", "same"),
        (2, 2, "Category 3b (Requires improvement -)", "declined"),
        (9, 2, "", ""),  # not categorised: after B; inspected 2015, before G
        (7, 2, "", ""),  # a report card area needing attention
        (6, 3, "", ""),  # never inspected
        (1, 4, "Category 2 (Good)", "improved"),
    ]
    assert report.entries[3].latest == "No overall grade; lowest area grade: Needs attention"


@pytest.mark.parametrize("size", [5, 60])
def test_priority_list_runs_a_bounded_number_of_queries(
    world, herts, make_school, inspect, size, django_assert_max_num_queries
):
    for n in range(size):
        inspect(make_school(100 + n, herts), date(2020, 1, 1), grade=3)
    with django_assert_max_num_queries(5):
        report = priority_schools(
            la=herts,
            schools=Establishment.objects.all(),
            as_at=AS_AT,
            round=world["autumn"],
            previous_round=world["spring"],
        )
    assert len(report.entries) == 6 + size


def test_rounds_each_user_may_read(world, herts):
    users = world["users"]
    assert [r.code for r in readable_rounds(user=users["la.officer"], la=herts)] == [
        "2027-spring",
        "2026-autumn",
        "2026-spring",
    ]
    assert [r.code for r in readable_rounds(user=users["adviser"], la=herts)] == [
        "2026-autumn",
        "2026-spring",
    ]


def test_pages_csv_and_api_agree_and_respect_scope(world):
    users = world["users"]
    adviser = Client()
    adviser.force_login(users["adviser"])
    page = adviser.get("/reports/919/categories/")
    assert page.status_code == 200 and b"Round 2026-autumn" in page.content  # newest published
    text = adviser.get("/reports/919/categories.csv", {"round": "2026-autumn"}).content.decode(
        "utf-8-sig"
    )
    header, *rows = list(csv.reader(io.StringIO(text)))
    assert [tuple(row) for row in rows[:5]] == lines(EXPECTED)
    assert adviser.get("/reports/919/categories/", {"round": "2027-spring"}).status_code == 404
    token = {"Authorization": f"Bearer {create_token(user=users['adviser']).secret}"}
    body = (
        Client()
        .get("/api/v1/reports/919/categories", {"round": "2026-autumn"}, headers=token)
        .json()
    )
    primary = body["phases"][0]["categories"]
    assert [c["schools"] for c in primary] == [int(row[5]) for row in rows[:5]]
    listed = (
        Client()
        .get(
            "/api/v1/reports/919/priority-schools",
            {"as_at": AS_AT.isoformat(), "limit": 2},
            headers=token,
        )
        .json()
    )
    assert listed["count"] == 6 and [e["urn"] for e in listed["results"]] == [3, 2]
    priority_csv = adviser.get("/reports/919/priority-schools.csv", {"as_at": AS_AT.isoformat()})
    urns = [row[1] for row in csv.reader(io.StringIO(priority_csv.content.decode("utf-8-sig")))][1:]
    assert urns == ["3", "2", "9", "7", "6", "1"]
    officer = Client()
    officer.force_login(users["la.officer"])
    assert b"Round 2027-spring" in officer.get("/reports/919/categories/").content
    assert (
        officer.get("/reports/919/priority-schools/", {"as_at": AS_AT.isoformat()}).status_code
        == 200
    )
    headteacher = Client()
    headteacher.force_login(users["headteacher"])
    assert headteacher.get("/reports/919/categories/").status_code == 404
