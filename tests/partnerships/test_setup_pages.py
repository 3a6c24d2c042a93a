"""Setting up a partnership through its pages, and choosing the LA's operating model."""

import pytest
from django.test import Client

from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import NotAllowed, Refused, StaleVersion
from uplift.partnerships import operating
from uplift.partnerships.models import (
    Holding,
    OperatingModel,
    Partnership,
    RoundRole,
    Seat,
    Who,
)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_officer_sets_up_a_partnership_by_its_pages(pw):
    client = _client(pw["officer"])
    answer = client.post(
        "/partnerships/new/",
        {"name": "South Herts Cluster", "kind": "cluster", "la": pw.herts.pk, "quorum": "half"},
    )
    assert answer.status_code == 302
    made = Partnership.objects.get(name="South Herts Cluster")
    base = f"/partnerships/{made.pk}"
    answer = client.post(
        f"{base}/seats/new/",
        {
            "name": "Chair",
            "constituency": "independent_chair",
            "voting": "on",
            "chairs": "on",
            "term_months": "24",
        },
    )
    assert answer.status_code == 302
    seat = Seat.objects.get(partnership=made)
    answer = client.post(
        f"/partnerships/seats/{seat.pk}/appoint/",
        {
            "person": "Ada Chair",
            "user": pw["head_a"].pk,
            "starts_on_day": "1",
            "starts_on_month": "9",
            "starts_on_year": "2026",
        },
    )
    assert answer.status_code == 302
    assert Holding.objects.get(seat=seat).user == pw["head_a"]
    answer = client.post(
        f"{base}/schools/new/",
        {
            "urns": "117001, 117002",
            "starts_on_day": "1",
            "starts_on_month": "9",
            "starts_on_year": "2026",
            "reason": "Founding schools",
        },
    )
    assert answer.status_code == 302
    assert made.responsibilities.count() == 2
    answer = client.post(
        f"{base}/members/new/",
        {
            "kind": "college",
            "name": "North Herts College",
            "joined_on_day": "1",
            "joined_on_month": "9",
            "joined_on_year": "2026",
        },
    )
    assert answer.status_code == 302
    stale = client.post(
        f"{base}/terms/",
        {"version": "0", "quorum": "majority", "terms_of_reference": "New", "reason": "Review"},
    )
    assert "Someone changed the terms" in stale.content.decode()
    for action in ("created", "seat_added", "appointed", "responsibility_taken", "member_added"):
        assert AuditEvent.objects.filter(action=f"partnerships.{action}", via=Via.WEB).exists()


def test_an_unknown_urn_is_refused_plainly(pw):
    page = _client(pw["officer"]).post(
        f"/partnerships/{pw.partnership.pk}/schools/new/",
        {
            "urns": "999999",
            "starts_on_day": "1",
            "starts_on_month": "9",
            "starts_on_year": "2026",
            "reason": "More",
        },
    )
    assert "Hertfordshire has no school with URN 999999" in page.content.decode()


def test_board_members_and_advisers_cannot_set_up(pw):
    assert _client(pw["adviser"]).get("/partnerships/new/").status_code == 403
    base = f"/partnerships/{pw.partnership.pk}"
    assert _client(pw["head_a"]).get(f"{base}/seats/new/").status_code == 403


def test_choosing_the_partnership_model_sets_up_its_roles(with_round):
    pw = with_round
    RoundRole.objects.all().delete()
    with pytest.raises(Refused, match="choose the partnership"):
        operating.choose_operating_model(
            actor=pw["officer"],
            via=Via.WEB,
            la=pw.herts,
            preset="partnership_commissions",
            reason="York-style",
        )
    with pytest.raises(NotAllowed):
        operating.choose_operating_model(
            actor=pw["adviser"],
            via=Via.WEB,
            la=pw.herts,
            preset="la_provides",
            reason="No",
        )
    model = operating.choose_operating_model(
        actor=pw["officer"],
        via=Via.WEB,
        la=pw.herts,
        preset="partnership_commissions",
        lead_partnership=pw.partnership,
        reason="York-style",
    )
    assert (model.agrees, model.commissions, model.holds_budgets) == (Who.PARTNERSHIP,) * 3
    assert RoundRole.objects.filter(round=pw.round, partnership=pw.partnership).exists()
    with pytest.raises(StaleVersion):
        operating.choose_operating_model(
            actor=pw["officer"],
            via=Via.WEB,
            la=pw.herts,
            preset="la_provides",
            version=model.version - 1,
            reason="Back",
        )
    back = operating.choose_operating_model(
        actor=pw["officer"],
        via=Via.WEB,
        la=pw.herts,
        preset="la_provides",
        version=model.version,
        reason="Back to the LA",
    )
    assert (back.agrees, back.commissions, back.lead_partnership) == (Who.LA, Who.LA, None)
    assert AuditEvent.objects.filter(action="partnerships.operating_model_chosen").count() == 2


def test_the_operating_model_page(pw):
    page = _client(pw["officer"]).post(
        "/partnerships/operating-model/919/",
        {"preset": "la_commissions", "lead_partnership": pw.partnership.pk, "reason": "Board"},
    )
    assert page.status_code == 302
    assert OperatingModel.objects.get(la=pw.herts).agrees == Who.PARTNERSHIP
    reader = _client(pw["adviser"]).get("/partnerships/operating-model/919/")
    assert "The LA commissions support from others" in reader.content.decode()
    assert _client(pw["adviser"]).post("/partnerships/operating-model/919/", {}).status_code == 403
    assert _client(pw["essex_officer"]).get("/partnerships/operating-model/919/").status_code == 404


def test_the_demo_switches_operating_model_from_the_command_line(pw, capsys):
    from django.core.management import call_command

    for preset in ("la_provides", "la_commissions", "partnership_commissions"):
        call_command(
            "partnerships",
            "operating-model",
            "--user",
            "herts.officer",
            "--la",
            "919",
            "--preset",
            preset,
            "--lead",
            str(pw.partnership.pk),
            "--reason",
            "Demo",
        )
    out = capsys.readouterr().out
    assert "A partnership of schools commissions support" in out
    assert OperatingModel.objects.get(la=pw.herts).version == 3
