"""Permission-matrix rows of the partnership pages and API (see test_permission_matrix.py).
Hertfordshire's board is read by the LA's staff, regional viewers and the board member who
holds a seat today; it is run by the LA's officers. Essex's is the administrator's and the
viewer's only. Hertfordshire has no operating model, so the board member reads none of its
cases (matrix_cases: 404 on their board's school's case); Luton's grants its partnerships
sight of cases, so the board member, who also sits on a Luton board, reads the case of that
board's school, and never another Luton school's."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from uplift.casework.models import ConcernCase
from uplift.categorisation.models import Round
from uplift.partnerships.models import (
    Action,
    Constituency,
    Holding,
    Kind,
    Meeting,
    Motion,
    OperatingModel,
    Paper,
    Partnership,
    Responsibility,
    RoundRole,
    Seat,
)
from uplift.partnerships.operating_models import PRESETS
from uplift.schools.models import Establishment, LocalAuthority

READERS = "in  ok  ok  ok  ok  404 404 ok  ok"
MANAGERS = "in  ok  ok  403 403 404 404 403 403"
ONLY_ADMIN_VIEWER = "in  ok  404 404 404 404 404 404 ok"
ONLY_ADMIN = "in  ok  404 404 404 404 404 404 403"
OWNER = "in  ok  ok  403 403 404 404 ok  403"
SIGNED_IN = "in  ok  ok  ok  ok  ok  ok  ok  ok"
CREATORS = "in  ok  ok  403 403 403 403 403 403"
LA_READERS = "in  ok  ok  ok  ok  403 403 403 ok"
OTHER_LA_READERS = "in  ok  404 404 404 403 403 403 ok"
API_READERS = "401 ok  ok  ok  ok  404 404 ok  ok"
API_ONLY_ADMIN_VIEWER = "401 ok  404 404 404 404 404 404 ok"
API_SIGNED_IN = "401 ok  ok  ok  ok  ok  ok  ok  ok"
GRANTED_CASE = "in  ok  404 404 404 404 404 ok  404"
OTHER_CASE = "in  ok  404 404 404 404 404 404 404"


def board(la, school, name, holder=None, round_=None):
    today = timezone.localdate()
    partnership = Partnership.objects.create(
        la=la, kind=Kind.CONSORTIUM, name=name, created_at=timezone.now()
    )
    Responsibility.objects.create(
        partnership=partnership, establishment=school, starts_on=date(2024, 9, 1)
    )
    seat = Seat.objects.create(
        partnership=partnership, name="Primary heads", constituency=Constituency.PHASE, voting=True
    )
    if holder is not None:
        Holding.objects.create(
            seat=seat,
            person="Bola Board",
            user=holder,
            starts_on=today - timedelta(days=30),
            ends_on=today + timedelta(days=300),
        )
    if round_ is not None:
        RoundRole.objects.create(round=round_, partnership=partnership, given_at=timezone.now())
    meeting = Meeting.objects.create(
        partnership=partnership, held_on=today, title="Autumn board", recorded_at=timezone.now()
    )
    motion = Motion.objects.create(meeting=meeting, text="That the board meets monthly")
    paper = Paper(
        meeting=meeting,
        title="Data pack",
        size=5,
        content_type="text/plain",
        uploaded_at=timezone.now(),
    )
    paper.file.save("data-pack.txt", ContentFile(b"data\n"), save=True)
    action = Action.objects.create(
        meeting=meeting,
        description="Share the data pack",
        owner=holder or get_user_model().objects.get(username="admin"),
        due_on=today,
    )
    return partnership, meeting, motion, paper, action


def rows(w) -> list[tuple[str, str, str]]:
    member = get_user_model().objects.get(username="board.member")
    autumn = Round.objects.get(code="2026-autumn")
    ours = board(w.in_scope.la, w.in_scope, "North Herts board", member, autumn)
    theirs = board(w.other_la.la, w.other_la, "Tendring board")
    table = []
    for (p, meeting, motion, paper, action), reader, manager in (
        (ours, READERS, MANAGERS),
        (theirs, ONLY_ADMIN_VIEWER, ONLY_ADMIN),
    ):
        m = f"/partnerships/meetings/{meeting.pk}"
        api_reader = API_READERS if reader == READERS else API_ONLY_ADMIN_VIEWER
        table += [
            ("partnerships/<int:pk>/", f"/partnerships/{p.pk}/", reader),
            ("partnerships/<int:pk>/report/", f"/partnerships/{p.pk}/report/", reader),
            ("partnerships/<int:pk>/terms/", f"/partnerships/{p.pk}/terms/", manager),
            ("partnerships/<int:pk>/members/new/", f"/partnerships/{p.pk}/members/new/", manager),
            ("partnerships/<int:pk>/schools/new/", f"/partnerships/{p.pk}/schools/new/", manager),
            ("partnerships/<int:pk>/seats/new/", f"/partnerships/{p.pk}/seats/new/", manager),
            (
                "partnerships/seats/<int:pk>/appoint/",
                f"/partnerships/seats/{p.seats.first().pk}/appoint/",
                manager,
            ),
            (
                "partnerships/<int:pk>/round-roles/new/",
                f"/partnerships/{p.pk}/round-roles/new/",
                manager,
            ),
            ("partnerships/<int:pk>/funds/new/", f"/partnerships/{p.pk}/funds/new/", manager),
            ("partnerships/<int:pk>/meetings/new/", f"/partnerships/{p.pk}/meetings/new/", manager),
            ("partnerships/meetings/<int:pk>/", f"{m}/", reader),
            ("partnerships/meetings/<int:pk>/attendance/", f"{m}/attendance/", manager),
            ("partnerships/meetings/<int:pk>/motions/new/", f"{m}/motions/new/", manager),
            ("partnerships/meetings/<int:pk>/actions/new/", f"{m}/actions/new/", manager),
            ("partnerships/meetings/<int:pk>/papers/new/", f"{m}/papers/new/", manager),
            ("partnerships/meetings/<int:pk>/minutes.pdf", f"{m}/minutes.pdf", reader),
            (
                "partnerships/motions/<int:pk>/votes/",
                f"/partnerships/motions/{motion.pk}/votes/",
                manager,
            ),
            ("partnerships/papers/<int:pk>/", f"/partnerships/papers/{paper.pk}/", reader),
            (
                "partnerships/actions/<int:pk>/done/",
                f"/partnerships/actions/{action.pk}/done/",
                OWNER if reader == READERS else ONLY_ADMIN,
            ),
            ("api/v1/partnerships/<int:pk>", f"/api/v1/partnerships/{p.pk}", api_reader),
            (
                "api/v1/partnerships/<int:pk>/meetings",
                f"/api/v1/partnerships/{p.pk}/meetings",
                api_reader,
            ),
            ("api/v1/meetings/<int:pk>/votes", f"/api/v1/meetings/{meeting.pk}/votes", api_reader),
        ]
    granted, other = _luton_cases(member)
    table += [
        ("casework/cases/<int:pk>/", f"/casework/cases/{granted.pk}/", GRANTED_CASE),
        ("casework/cases/<int:pk>/", f"/casework/cases/{other.pk}/", OTHER_CASE),
        ("partnerships/", "/partnerships/", SIGNED_IN),
        ("partnerships/new/", "/partnerships/new/", CREATORS),
        (
            "partnerships/operating-model/<str:code>/",
            f"/partnerships/operating-model/{w.in_scope.la.code}/",
            LA_READERS,
        ),
        (
            "partnerships/operating-model/<str:code>/",
            f"/partnerships/operating-model/{w.other_la.la.code}/",
            OTHER_LA_READERS,
        ),
        (
            "partnerships/<int:pk>/rounds/<int:round_pk>/",
            f"/partnerships/{ours[0].pk}/rounds/{autumn.pk}/",
            READERS,
        ),
        ("api/v1/partnerships", "/api/v1/partnerships", API_SIGNED_IN),
    ]
    return table


def _luton_cases(member):
    """Luton, whose operating model lets partnerships see their schools' cases: a board the
    member sits on, responsible for one school; an open case of it and of another school."""
    luton = LocalAuthority.objects.create(code="821", name="Luton")
    ours, theirs = (
        Establishment.objects.create(
            urn=urn, la=luton, name=name, laestab=f"821{urn % 10000:04d}", status="Open"
        )
        for urn, name in ((109001, "Luton Primary"), (109002, "Stopsley High"))
    )
    partnership = board(luton, ours, "Luton consortium", member)[0]
    preset = PRESETS["partnership_commissions"]
    OperatingModel.objects.create(
        la=luton,
        preset=preset.key,
        **preset.settings(),
        lead_partnership=partnership,
        chosen_at=timezone.now(),
    )
    today = timezone.localdate()
    return [
        ConcernCase.objects.create(
            establishment=school,
            opened_on=today,
            opened_by="officer",
            opening_reason="Permission matrix",
            stage="concern_raised",
            stage_changed_on=today,
            recorded_at=timezone.now(),
        )
        for school in (ours, theirs)
    ]
