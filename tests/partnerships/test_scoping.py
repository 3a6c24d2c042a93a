"""Board members see only what their board is responsible for, and only while their seat is
current: a matrix of roles and pages. Bounded queries on the pages that list."""

import pytest
from django.test import Client

from tests.partnerships.conftest import MEETING_DAY
from uplift.accounts.access import school_scope
from uplift.audit.models import AuditEvent, Via
from uplift.partnerships import meetings
from uplift.schools.models import Establishment

# Users: the chair and a head with current seats; a member whose term ended; a board member
# who never held a seat; the LA's officer and adviser; Essex's officer; a regional viewer.
ROLES = ("chair", "head_a", "former", "outsider", "officer", "adviser", "essex_officer", "viewer")
#                             chair head_a former outsider officer adviser essex viewer
EXPECTED = {
    "partnership": "200  200  404  404  200  200  404  200",
    "round": "200  200  404  404  200  200  404  200",
    "meeting": "200  200  404  404  200  200  404  200",
    "minutes": "200  200  404  404  200  200  404  200",
    "attendance": "403  403  404  404  200  403  404  403",
    "their_school": "200  200  404  404  200  200  404  200",
    "other_school": "404  404  404  404  200  200  404  200",
    "their_profile": "200  200  404  404  200  404  404  404",
    "other_profile": "404  404  404  404  200  404  404  404",
}


@pytest.fixture
def pages(with_round):
    pw = with_round
    meeting = meetings.schedule_meeting(
        actor=pw["officer"],
        via=Via.WEB,
        partnership=pw.partnership,
        held_on=MEETING_DAY,
        title="Board",
        round=pw.round,
    )
    p = pw.partnership.pk
    return pw, {
        "partnership": f"/partnerships/{p}/",
        "round": f"/partnerships/{p}/rounds/{pw.round.pk}/",
        "meeting": f"/partnerships/meetings/{meeting.pk}/",
        "minutes": f"/partnerships/meetings/{meeting.pk}/minutes.pdf",
        "attendance": f"/partnerships/meetings/{meeting.pk}/attendance/",
        "their_school": f"/schools/{pw.schools[0].urn}/",
        "other_school": f"/schools/{pw.schools[3].urn}/",
        "their_profile": f"/profiles/919/2026-autumn/{pw.schools[0].urn}/",
        "other_profile": f"/profiles/919/2026-autumn/{pw.schools[3].urn}/",
    }


def test_roles_and_pages(pages, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pw, urls = pages
    wrong = []
    for role_index, role in enumerate(ROLES):
        client = Client()
        client.force_login(pw[role])
        for page, url in urls.items():
            want = EXPECTED[page].split()[role_index]
            got = str(client.get(url).status_code)
            if got != want:
                wrong.append(f"{role} {page}: expected {want}, got {got}")
    assert not wrong, "\n".join(wrong)


def test_a_seat_ending_ends_the_reach(pw):
    holding = pw["head_a"].seat_holdings.get()
    visible = Establishment.objects.filter(school_scope(pw["head_a"]))
    assert set(visible) == set(pw.schools[:3])
    holding.ends_on = holding.starts_on
    holding.save()
    assert not Establishment.objects.filter(school_scope(pw["head_a"])).exists()


def test_a_board_member_without_a_seat_keeps_their_groups_reach(pw):
    from uplift.schools.models import GroupKind, GroupMembership, SchoolGroup

    group = SchoolGroup.objects.create(kind=GroupKind.CLUSTER, name="Watford", la=pw.herts)
    GroupMembership.objects.create(group=group, establishment=pw.schools[3])
    profile = pw["outsider"].profile
    profile.group = group
    profile.save()
    assert list(Establishment.objects.filter(school_scope(pw["outsider"]))) == [pw.schools[3]]


def test_every_change_is_audited(pw):
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "partnerships.created",
        "partnerships.responsibility_taken",
        "partnerships.seat_added",
        "partnerships.appointed",
    } <= actions


def test_the_pages_make_a_bounded_number_of_queries(pages, django_assert_max_num_queries):
    pw, urls = pages
    client = Client()
    client.force_login(pw["officer"])
    for page in ("partnership", "round", "meeting"):
        with django_assert_max_num_queries(25):
            assert client.get(urls[page]).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get("/partnerships/").status_code == 200
