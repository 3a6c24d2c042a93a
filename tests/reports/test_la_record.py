"""The LA's record over time on the categories fixture (worked out by hand): Ofsted outcomes
at three dates side by side, the category transition between the last two published
rounds, and the page, CSV, API and command line agreeing."""

import csv
import io
from datetime import date

import pytest
from django.core.management import call_command
from django.test import Client

from tests.reports.test_categories import world  # noqa: F401 (fixture)
from uplift.api.services import create_token
from uplift.reports.la_record import default_dates, la_record, parse_dates
from uplift.schools.models import Establishment

DATES = [date(2019, 6, 1), date(2021, 6, 1), date(2026, 9, 1)]
QUERY = "dates=2019-06-01,2021-06-01,2026-09-01"


def _line(lines, group, label):
    return next(line for line in lines if line.group == group and line.label == label)


def test_the_ofsted_tables_at_three_dates_side_by_side(world, herts):  # noqa: F811
    record = la_record(la=herts, schools=Establishment.objects.all(), dates=DATES)
    assert record.dates == tuple(DATES)
    # Primary (A, B, C, F, G, H, I): B and I requires improvement by 2019; A good from 2021.
    ri = _line(record.ofsted_rows, "Primary", "Requires improvement")
    assert [(c.schools, str(c.schools_pct)) for c in ri.cells] == [
        (2, "28.6"),
        (2, "28.6"),
        (2, "28.6"),
    ]
    good = _line(record.ofsted_rows, "Primary", "Good")
    assert [c.schools for c in good.cells] == [0, 1, 1]
    assert [c.pupils for c in good.cells] == [0, 100, 100]
    never = _line(record.ofsted_rows, "Primary", "No graded inspection")
    assert [c.schools for c in never.cells] == [5, 4, 1]  # C inspected in 2022
    better = _line(record.good_or_better, "Primary", "Good or outstanding")
    assert [str(c.schools_pct) for c in better.cells] == ["0.0", "33.3", "25.0"]
    # G and H have report cards from January 2026 only.
    inclusion = [line for line in record.report_card_rows if "Inclusion" in line.group]
    assert inclusion and all(line.cells[0] is None for line in inclusion)
    assert sum(line.cells[2].schools for line in inclusion) == 2


def test_the_transition_between_the_last_two_published_rounds(world, herts):  # noqa: F811
    move = la_record(la=herts, schools=Establishment.objects.all(), dates=DATES).transition
    assert (move.earlier.code, move.later.code) == ("2026-spring", "2026-autumn")  # not the draft
    columns = [code for code, _ in move.columns]
    rows = {code: dict(zip(columns, counts, strict=True)) for code, _, counts, _ in move.rows}
    assert {k: v for k, v in rows["3a"].items() if v} == {"2": 1, "3b": 1}  # A and B
    assert {k: v for k, v in rows["4"].items() if v} == {"4": 1}  # C stayed
    assert {k: v for k, v in rows["not_in_round"].items() if v} == {"1": 1, "2": 1}  # D, E new
    assert sum(move.column_totals) == 5


def test_default_dates_are_three_the_inspections_allow(world, herts):  # noqa: F811
    assert default_dates(la=herts, today=date(2026, 12, 1)) == [
        date(2024, 1, 10),
        date(2025, 1, 10),
        date(2026, 1, 10),
    ]
    with pytest.raises(ValueError, match="'2026-13-01' is not a date"):
        parse_dates("2026-01-01,2026-13-01")


def test_the_page_shows_the_dates_side_by_side_and_the_transition(
    world,  # noqa: F811
    client,
    django_assert_max_num_queries,
):
    client.force_login(world["users"]["la.officer"])
    with django_assert_max_num_queries(60):  # a fixed number per date, whatever the schools
        response = client.get(f"/reports/919/record/?{QUERY}")
    page = response.content.decode()
    assert response.status_code == 200
    for heading in ("1 Jun 2019: schools (%)", "1 Jun 2021: schools (%)", "1 Sep 2026: schools"):
        assert heading in page
    assert 'id="category-transition"' in page and "Not in round 2026-spring" in page
    assert "Schools by their category in round 2026-spring (rows)" in page
    reports = client.get("/reports/919/").content.decode()
    assert "/reports/919/record/" in reports
    home = client.get("/").content.decode()
    assert "/reports/919/record/" in home
    wrong = client.get("/reports/919/record/?date_1_day=31&date_1_month=2&date_1_year=2026")
    assert wrong.status_code == 200 and "govuk-error-summary" in wrong.content.decode()


def test_csv_api_and_command_line_agree(world, client, capsys):  # noqa: F811
    client.force_login(world["users"]["la.officer"])
    download = client.get(f"/reports/919/record.csv?{QUERY}")
    assert download.status_code == 200
    rows = list(csv.DictReader(io.StringIO(download.content.decode("utf-8-sig"))))
    moved = [r for r in rows if r["section"] == "category_transition" and r["schools"] != "0"]
    assert {(r["row"], r["column"], r["schools"]) for r in moved} >= {
        ("Category 3a (Requires improvement +)", "Category 2 (Good)", "1"),
        ("Category 3a (Requires improvement +)", "Category 3b (Requires improvement -)", "1"),
    }
    ri = [
        r
        for r in rows
        if r["section"] == "ofsted_outcome"
        and r["group"] == "Primary"
        and r["row"] == "Requires improvement"
    ]
    assert [(r["column"], r["schools"]) for r in ri] == [
        ("2019-06-01", "2"),
        ("2021-06-01", "2"),
        ("2026-09-01", "2"),
    ]
    secret = create_token(user=world["users"]["la.officer"]).secret
    answer = Client().get(
        f"/api/v1/reports/la-record?la=919&{QUERY}", headers={"Authorization": f"Bearer {secret}"}
    )
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["dates"] == ["2019-06-01", "2021-06-01", "2026-09-01"]
    assert body["category_transition"]["rows"][2]["to"]["3b"] == 1
    wrong = Client().get(
        "/api/v1/reports/la-record?la=919&dates=yesterday",
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert wrong.status_code == 422
    call_command(
        "report", "la-record", "--la", "919", "--dates", "2019-06-01,2021-06-01,2026-09-01"
    )
    printed = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert printed == rows


def test_only_those_who_see_the_la_read_its_record(world, client):  # noqa: F811
    users = world["users"]
    client.force_login(users["headteacher"])  # of a school in Essex
    assert client.get("/reports/919/record/").status_code == 404
    for who, status in (("headteacher", 404), ("la.officer", 200), ("dfe.viewer", 200)):
        secret = create_token(user=users[who]).secret
        answer = Client().get(
            "/api/v1/reports/la-record?la=919", headers={"Authorization": f"Bearer {secret}"}
        )
        assert answer.status_code == status, (who, answer.content)
    assert Client().get("/api/v1/reports/la-record?la=919").status_code == 401


def test_the_75_per_cent_target_over_time_is_a_chart_with_its_table(world, herts, client):  # noqa: F811
    from uplift.reports.models import ReportTarget

    ReportTarget.objects.create(
        la=herts,
        name="Three in four schools good or better",
        measure="schools_good_or_better",
        comparison="at_least",
        value=75,
    )
    record = la_record(la=herts, schools=Establishment.objects.all(), dates=DATES)
    [line] = record.target_lines
    # Of the schools with an overall grade (all phases): D of B, D, I in 2019; A and D of
    # A, B, D, I in 2021; A and D of A, B, C, D, I in 2026 (G and H have report cards).
    assert [str(s.value) for s in line.cells] == ["33.3", "50.0", "40.0"]
    assert [s.met for s in line.cells] == [False, False, False]
    client.force_login(world["users"]["la.officer"])
    page = client.get(f"/reports/919/record/?{QUERY}").content.decode()
    assert "<svg" in page and 'aria-describedby="targets-table"' in page
    assert 'id="targets-table"' in page and "Three in four schools good or better" in page
