"""The report pages, their CSV and the API: the same numbers everywhere, for the users who
may see the LA, in a bounded number of queries."""

import csv
import io
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.test import Client

from uplift.api.services import create_token
from uplift.audit.models import AuditEvent
from uplift.inspections.models import InspectionKind
from uplift.performance.models import Dataset, Level, Measure, Polarity, Result
from uplift.reports.models import Comparison, ReportTarget, TargetMeasure
from uplift.schools.models import PhaseGroup

AS_AT = "2026-05-31"
HERTS_STAFF = ("la.officer", "data.officer", "adviser")
EVERY_LA = ("admin", "dfe.viewer")
NO_LA = ("headteacher", "chair", "board.member")


class Tables(HTMLParser):
    """Each table's rows (by the table's id) as lists of cell texts."""

    def __init__(self, html: str):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table = self._row = self._cell = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = self.tables.setdefault(dict(attrs).get("id", ""), [])
        elif tag == "tr" and self._table is not None:
            self._row = []
            self._table.append(self._row)
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._table = self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def number(text: str) -> str:
    """A page's cell as the CSV writes it: no thousands commas, no % sign, '' for none."""
    return "" if text.startswith("–") else text.replace(",", "").rstrip("%")


@pytest.fixture
def world(herts, essex, make_school, inspect, personas):
    for urn, grade in enumerate([1, 2, 2, 3, 4], start=1):
        inspect(make_school(urn, herts, 100 * urn), date(2020, 1, urn), grade=grade)
    card = make_school(10, herts, 1234, phase_group=PhaseGroup.SECONDARY)
    inspect(
        card,
        date(2026, 1, 5),
        kind=InspectionKind.REPORT_CARD,
        framework="rc2025",
        areas={"inclusion": "strong", "achievement": "needs_attention"},
    )
    make_school(11, herts, 50, phase_group=PhaseGroup.SPECIAL)
    inspect(make_school(20, essex, 300), date(2020, 1, 1), grade=2)
    measure = Measure.objects.create(
        code="ks2.PTRWM_EXP",
        dataset=Dataset.KS2,
        source_column="PTRWM_EXP",
        label="Expected standard in reading, writing and maths",
        unit="percent",
        polarity=Polarity.HIGHER_IS_BETTER,
        decimal_places=0,
    )
    for subject, level, value, la in (
        ("la:919", Level.LA, "63", herts),
        ("england", Level.ENGLAND, "61", None),
    ):
        Result.objects.create(
            measure=measure,
            academic_year="2023-24",
            level=level,
            subject_key=subject,
            la=la,
            segment="state-funded",
            value=Decimal(value),
        )
    for urn, value in ((1, "50"), (2, "70"), (3, None)):
        Result.objects.create(
            measure=measure,
            academic_year="2023-24",
            level=Level.SCHOOL,
            subject_key=f"urn:{urn}",
            establishment_id=card.__class__.objects.get(urn=urn).pk,
            value=Decimal(value) if value else None,
            suppression="" if value else "SUPP",
        )
    ReportTarget.objects.create(
        la=herts,
        name="Good or better",
        measure=TargetMeasure.SCHOOLS_GOOD_OR_BETTER,
        comparison=Comparison.AT_LEAST,
        value=Decimal(75),
    )
    return personas


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def api(user, path: str, **params):
    token = create_token(user=user).secret
    response = Client().get(
        f"/api/v1/reports/919/{path}", params, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_ofsted_summary_page_csv_and_api_agree(world):
    officer = world["la.officer"]
    client = client_for(officer)
    page = client.get("/reports/919/ofsted/", {"as_at": AS_AT})
    assert page.status_code == 200
    tables = Tables(page.content.decode())
    header, *rows = csv_rows(client.get("/reports/919/ofsted.csv", {"as_at": AS_AT}))
    assert header == ["phase", "grade", "schools", "schools_pct", "pupils", "pupils_pct"]
    body = api(officer, "ofsted-summary", as_at=AS_AT)
    api_rows = [
        [
            phase["label"],
            grade["label"],
            *(grade[k] for k in ("schools", "schools_pct", "pupils", "pupils_pct")),
        ]
        for phase in (*body["phases"], body["all_phases"])
        for grade in phase["grades"]
    ]
    keys = ["primary", "secondary", "special", "nursery", "pru_ap", "all"]
    page_rows = [
        [number(cell) for cell in row[1:]]
        for key in keys
        for row in tables.tables[f"phase-{key}"][1:-1]
    ]
    assert page_rows == [row[2:] for row in rows]
    assert [
        [*row[:2], *map(str, (v if v is not None else "" for v in row[2:]))] for row in api_rows
    ] == rows
    primary = {row[1]: row[2:] for row in rows if row[0] == "Primary"}
    assert primary["Good"] == ["2", "40.0", "500", "33.3"]  # schools 2 and 3 of five
    assert "as at 31 May 2026" in page.content.decode()


def test_report_card_page_csv_and_api_agree(world):
    officer = world["la.officer"]
    client = client_for(officer)
    page = Tables(client.get("/reports/919/report-cards/", {"as_at": AS_AT}).content.decode())
    header, *rows = csv_rows(client.get("/reports/919/report-cards.csv", {"as_at": AS_AT}))
    assert [row[4:] for row in rows] == [
        [number(cell) for cell in row[1:]]
        for table_id in ("rc2025-inclusion", "rc2025-achievement")
        for row in page.tables[table_id][1:]
    ]
    body = api(officer, "report-card-areas", as_at=AS_AT)
    inclusion = body["frameworks"][0]["areas"][0]
    assert [g["schools"] for g in inclusion["grades"]] == [int(row[4]) for row in rows[:6]]
    assert rows[1][3:] == ["Strong standard", "1", "100.0", "1234", "100.0"]


def test_attainment_page_csv_and_api_agree(world):
    officer = world["la.officer"]
    client = client_for(officer)
    page = Tables(client.get("/reports/919/attainment/", {"key_stage": "ks2"}).content.decode())
    header, row = csv_rows(client.get("/reports/919/attainment.csv", {"key_stage": "ks2"}))
    cells = [number(cell) for cell in page.tables["measure-1"][1]]
    assert row[3:] == [
        "2023-24",
        "63",
        "61",
        "2",
        "2",
        "1",
        "50",
        "55",
        "60",
        "65",
        "70",
        "1",
    ]
    assert cells[:4] == row[3:7] and cells[5:] == row[9:]
    body = api(officer, "attainment", key_stage="ks2")
    year = body["measures"][0]["years"][0]
    assert (year["la"]["value"], year["england"]["value"], year["difference"]) == (63, 61, 2)
    assert year["schools"]["median"] == 60 and year["schools"]["suppressed"] == 1


def test_targets_page_csv_and_api_agree(world):
    officer = world["la.officer"]
    client = client_for(officer)
    page = Tables(client.get("/reports/919/targets/", {"as_at": AS_AT}).content.decode())
    header, row = csv_rows(client.get("/reports/919/targets.csv", {"as_at": AS_AT}))
    # Good or better: 3 of the 5 schools with an overall grade = 60.0, 15.0 short of 75.0.
    assert row[3:8] == [AS_AT, "60.0", "75.0", "-15.0", "no"]
    assert [number(cell) for cell in page.tables["targets"][1][2:5]] == row[4:7]
    target = api(officer, "targets", as_at=AS_AT)["targets"][0]
    assert (target["value"], target["threshold"], target["margin"], target["met"]) == (
        60,
        75,
        -15,
        False,
    )


def test_an_officer_adds_and_removes_a_target_on_the_pages(world, herts):
    client = client_for(world["la.officer"])
    assert client.get("/reports/919/targets/new/").status_code == 200
    refused = client.post(
        "/reports/919/targets/new/",
        {
            "name": "Too high",
            "measure": "schools_good_or_better",
            "comparison": "at_least",
            "value": "150",
        },
    )
    assert refused.status_code == 200 and b"between 0 and 100" in refused.content
    added = client.post(
        "/reports/919/targets/new/",
        {
            "name": "Pupils",
            "measure": "pupils_good_or_better",
            "comparison": "at_least",
            "value": "80",
        },
    )
    assert added.status_code == 302
    made = ReportTarget.objects.get(name="Pupils")
    assert AuditEvent.objects.filter(action="report_target.created", via="web").count() == 1
    assert client.post(f"/reports/919/targets/{made.pk}/delete/").status_code == 302
    assert not ReportTarget.objects.filter(pk=made.pk).exists()


PAGES = (
    "/reports/{code}/",
    "/reports/{code}/ofsted/",
    "/reports/{code}/ofsted.csv",
    "/reports/{code}/report-cards/",
    "/reports/{code}/report-cards.csv",
    "/reports/{code}/targets/",
    "/reports/{code}/targets.csv",
    "/reports/{code}/attainment/",
    "/reports/{code}/attainment.csv",
    "/reports/{code}/categories/",
    "/reports/{code}/priority-schools/",
    "/reports/{code}/priority-schools.csv",
)


@pytest.mark.parametrize("path", PAGES)
def test_who_may_read_each_report(world, path):
    for username, herts, essex in (
        *((name, 200, 404) for name in HERTS_STAFF),
        *((name, 200, 200) for name in EVERY_LA),
        *((name, 404, 404) for name in NO_LA),
    ):
        client = client_for(world[username])
        assert client.get(path.format(code="919")).status_code == herts, username
        assert client.get(path.format(code="881")).status_code == essex, username
    anonymous = Client().get(path.format(code="919"))
    assert anonymous.status_code == 302 and "/accounts/sign-in/" in anonymous["Location"]


@pytest.mark.parametrize("path", ["ofsted-summary", "report-card-areas", "targets", "attainment"])
def test_who_may_read_each_report_through_the_api(world, path):
    for username, herts, essex in (
        ("la.officer", 200, 404),
        ("admin", 200, 200),
        ("headteacher", 404, 404),
    ):
        headers = {"Authorization": f"Bearer {create_token(user=world[username]).secret}"}
        for code, status in (("919", herts), ("881", essex)):
            response = Client().get(f"/api/v1/reports/{code}/{path}", headers=headers)
            assert response.status_code == status, (username, code)
    assert Client().get(f"/api/v1/reports/919/{path}").status_code == 401


def test_who_may_set_targets(world, herts):
    target = ReportTarget.objects.get(la=herts)
    for username, status in (
        ("la.officer", 200),
        ("admin", 200),
        ("data.officer", 403),
        ("dfe.viewer", 403),
        ("headteacher", 404),
    ):
        client = client_for(world[username])
        assert client.get("/reports/919/targets/new/").status_code == status, username
        assert client.get(f"/reports/919/targets/{target.pk}/delete/").status_code == status
    forbidden = client_for(world["data.officer"]).post(f"/reports/919/targets/{target.pk}/delete/")
    assert forbidden.status_code == 403 and ReportTarget.objects.filter(pk=target.pk).exists()


def test_the_reports_index_sends_la_staff_to_their_la(world):
    assert client_for(world["la.officer"]).get("/reports/")["Location"] == "/reports/919/"
    assert client_for(world["admin"]).get("/reports/").status_code == 200
    assert client_for(world["headteacher"]).get("/reports/").status_code == 404


def test_a_date_that_is_not_real_is_an_error(world):
    client = client_for(world["la.officer"])
    page = client.get(
        "/reports/919/ofsted/", {"as_at_day": "31", "as_at_month": "2", "as_at_year": "2026"}
    )
    assert page.status_code == 200
    assert b"govuk-error-summary" in page.content and b"must be a real date" in page.content
    assert b'id="phase-primary"' not in page.content
    bad_csv = client.get("/reports/919/ofsted.csv", {"as_at": "2026-02-31"})
    assert bad_csv.status_code == 400 and bad_csv["Content-Type"].startswith("text/plain")
    assert client.get("/reports/919/report-cards/", {"phase": "<script>"}).status_code == 200


@pytest.mark.parametrize("size", [5, 60])
def test_pages_run_a_bounded_number_of_queries(
    herts, make_school, inspect, personas, size, django_assert_max_num_queries
):
    for n in range(size):
        school = make_school(1000 + n, herts)
        inspect(school, date(2019, 1, 1), grade=1 + n % 4)
        inspect(
            school,
            date(2026, 1, 1),
            kind=InspectionKind.REPORT_CARD,
            framework="rc2025",
            areas={"inclusion": "strong"},
        )
    client = client_for(personas["la.officer"])
    pages = (
        ("ofsted/", 6),
        ("report-cards/", 7),
        ("targets/", 7),
        ("attainment/", 8),
        ("categories/", 6),
        ("priority-schools/", 11),
    )
    for path, bound in pages:
        with django_assert_max_num_queries(bound + 3):  # the roles, the finance permission (two)
            assert client.get(f"/reports/919/{path}", {"as_at": AS_AT}).status_code == 200
