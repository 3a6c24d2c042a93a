"""The pages, as an officer, a supporting leader and a headteacher use them: raise a request,
see the proposals and exclusions with their reasons, agree, log a session, comment, read the
ledger; the register shows when a school stopped being eligible; pages read in a bounded
number of queries and never show "None"."""

import html
from datetime import date, timedelta

from django.test import Client
from django.utils import timezone

from tests.brokerage.world import SESSION_DAYS, bw_fixture  # noqa: F401
from uplift.brokerage.models import Deployment, SupportRequest


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _date(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def _page(response) -> str:
    assert response.status_code == 200, response.status_code
    text = html.unescape(response.content.decode())
    assert ">None<" not in text and " None " not in text
    return text


def test_officer_to_head_through_the_pages(bw):
    officer = _client(bw.officer)
    needed = timezone.localdate() + timedelta(days=40)
    answer = officer.post(
        f"/brokerage/requests/new/?urn={bw.ryde.urn}",
        {
            "urn": bw.ryde.urn,
            "raised_from": "case",
            "case": bw.case.pk,
            "areas": ["curriculum_teaching", "leadership_governance"],
            "days": 10,
            "funding": "la",
            **_date("needed_by", needed),
        },
    )
    request = SupportRequest.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/brokerage/requests/{request.pk}/"
    text = _page(officer.get(answer["Location"]))
    assert text.index("Amy Ashwell, Ashwell Primary") < text.index("Cara Cotton, Cotton Academy")
    assert "In the same postcode district (SG1)" in text
    assert "Ben Barley's organisation and Ryde Primary are both in Chalk Hills Trust." in text

    start = SESSION_DAYS[0] - timedelta(days=7)
    agreed = officer.post(
        f"/brokerage/requests/{request.pk}/",
        {
            "version": request.version,
            "leader": bw.leaders["amy"].pk,
            "days_planned": 10,
            "objective": "A sequenced curriculum",
            **_date("school_agreed_on", start),
            **_date("supporter_agreed_on", start),
            **_date("la_agreed_on", start),
            **_date("starts_on", start),
            **_date("review_on", start + timedelta(days=60)),
            **_date("ends_on", start + timedelta(days=120)),
        },
    )
    deployment = Deployment.objects.get()
    assert agreed["Location"] == f"/brokerage/deployments/{deployment.pk}/"

    amy = _client(bw["amy"])
    logged = amy.post(
        f"/brokerage/deployments/{deployment.pk}/",
        {
            "form": "session",
            **_date("session-held_on", SESSION_DAYS[0]),
            "session-days": "1",
            "session-focus": "Sequencing",
            "session-notes": "We mapped the history curriculum.",
        },
    )
    assert logged.status_code == 302
    session = deployment.sessions.get()
    head = _client(bw["headteacher"])
    text = _page(head.get(f"/brokerage/deployments/{deployment.pk}/"))
    assert "We mapped the history curriculum." in text and "Log a session" not in text
    head.post(
        f"/brokerage/deployments/{deployment.pk}/sessions/{session.pk}/comment/",
        {"comment-comment": "Staff found this useful."},
    )
    text = _page(amy.get(f"/brokerage/deployments/{deployment.pk}/"))
    assert "Staff found this useful." in text
    text = _page(amy.get(f"/brokerage/credits/{bw.schools['ashwell'].urn}/?year=2026-27"))
    assert "Earned: 1 day of support given to Ryde Primary" in text
    timeline = _page(head.get(f"/schools/{bw.ryde.urn}/timeline/"))
    assert "School-to-school support agreed: Amy Ashwell of Ashwell Primary" in timeline


def test_a_refusal_shows_on_the_form(bw):
    deployment = bw.agree(days=1)
    bw.session(deployment)
    answer = _client(bw["amy"]).post(
        f"/brokerage/deployments/{deployment.pk}/",
        {
            "form": "session",
            **_date("session-held_on", SESSION_DAYS[1]),
            "session-days": "1",
            "session-focus": "More",
            "session-notes": "More notes",
        },
    )
    text = _page(answer)
    assert "This session would take the days delivered to 2, beyond the 1 days agreed." in text
    assert deployment.sessions.count() == 1


def test_register_shows_when_a_school_stopped_being_eligible(bw, django_assert_max_num_queries):
    officer = _client(bw.officer)
    with django_assert_max_num_queries(20):
        text = _page(officer.get("/brokerage/register/"))
    since = (timezone.now() - timedelta(days=30)).date()
    assert f"since {since.day} {since:%B %Y}" in text
    assert "Dane End Primary is in Category 3b" in text
    for _ in range(3):
        bw.session(bw.agree(), day=SESSION_DAYS[0])
    with django_assert_max_num_queries(12):
        _page(officer.get("/brokerage/deployments/"))


def test_head_books_the_shaped_sessions(bw):
    head = _client(bw["headteacher"])
    url = f"/brokerage/schools/{bw.ryde.urn}/sessions/?year=2026-27"
    for number, focus in enumerate(("inclusion", "curriculum_teaching", "achievement")):
        answer = head.post(
            url,
            {
                **_date("booked_for", date(2027, 1, 11 + number)),
                "focus_area": focus,
                "focus": f"Our focus {number + 1}",
            },
        )
        assert answer.status_code == 302, answer.content.decode()[:2000]
    text = _page(head.get(url))
    assert "0 left to book" in text and "Our focus 3" in text and "Book a session" not in text


def test_good_practice_search(bw):
    officer = _client(bw.officer)
    answer = officer.post(
        f"/brokerage/good-practice/new/?urn={bw.schools['ashwell'].urn}",
        {
            "area": "curriculum_teaching",
            "phase": "primary",
            "title": "Phonics for all",
            "summary": "Daily phonics",
            "evidence": "Category 1",
            "contact_name": "Ann Lee",
            "contact_email": "ann@example.org",
        },
    )
    assert answer.status_code == 302
    head = _client(bw["headteacher"])
    assert "Phonics for all" in _page(
        head.get("/brokerage/good-practice/?area=curriculum_teaching")
    )
    assert "Phonics for all" not in _page(head.get("/brokerage/good-practice/?phase=secondary"))
    assert "Phonics for all" in _page(head.get("/brokerage/good-practice/?text=phonics"))
