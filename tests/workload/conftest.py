"""Casework and support rows made with the ORM (the services are other modules' work), in
a small world: two Hertfordshire schools, one Essex school and the demo personas."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from uplift.casework.models import (
    ConcernCase,
    Letter,
    MeetingAction,
    MonitoringMeeting,
    PowerUse,
    Stage,
    StageChange,
    WarningNotice,
)
from uplift.demo.personas import ensure_personas
from uplift.schools.models import Establishment, GroupKind, LocalAuthority, SchoolGroup
from uplift.support.models import (
    ActionPlan,
    CycleStep,
    Milestone,
    Objective,
    ProgressReview,
    SupportCycle,
    Visit,
)

TODAY = date(2026, 11, 16)  # a Monday


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def la(db):
    return LocalAuthority.objects.create(code="919", name="Hertfordshire")


@pytest.fixture
def school(la):
    return Establishment.objects.create(
        urn=117001, la=la, name="Abbots Langley Primary", laestab="9191001", status="Open"
    )


@pytest.fixture
def other_school(la):
    return Establishment.objects.create(
        urn=117002, la=la, name="Bishop's Stortford High", laestab="9191002", status="Open"
    )


@pytest.fixture
def essex_school(db):
    essex = LocalAuthority.objects.create(code="881", name="Essex")
    return Establishment.objects.create(
        urn=881001, la=essex, name="Colchester Primary", laestab="8811001", status="Open"
    )


@pytest.fixture
def users(la, school):
    """The demo personas by username: the head and chair are `school`'s, the adviser is
    assigned to it."""
    group = SchoolGroup.objects.create(kind=GroupKind.PARTNERSHIP, name="North Herts", la=la)
    return ensure_personas(la=la, establishment=school, group=group, adviser_schools=[school])


@pytest.fixture
def make_case(db):
    def make(establishment, *, lead=None, opener=None, stage=Stage.CONCERN_RAISED, **values):
        values.setdefault("opened_on", TODAY - timedelta(days=60))
        return ConcernCase.objects.create(
            establishment=establishment,
            opened_by="officer",
            opening_reason="Falling standards in reading",
            opened_by_user=opener,
            lead_officer=lead,
            stage=stage,
            stage_changed_on=values["opened_on"],
            recorded_at=timezone.now(),
            **values,
        )

    return make


@pytest.fixture
def make_stage_change(db):
    def make(case, to_stage, changed_on, reason="", from_stage=None):
        return StageChange.objects.create(
            case=case,
            from_stage=case.stage if from_stage is None else from_stage,
            to_stage=to_stage,
            changed_on=changed_on,
            reason=reason,
            actor_label="la.officer",
            recorded_at=timezone.now(),
        )

    return make


@pytest.fixture
def make_meeting(db):
    def make(establishment, held_on=TODAY - timedelta(days=30), case=None):
        return MonitoringMeeting.objects.create(
            establishment=establishment,
            case=case,
            held_on=held_on,
            members=[{"name": "Priya Shah", "role": "LA officer"}],
            minutes="Private minutes of the board",
            recorded_at=timezone.now(),
        )

    return make


@pytest.fixture
def make_action(make_meeting):
    def make(establishment, owner, due_on, done_on=None, description="Send the reading data"):
        meeting = make_meeting(establishment)
        return MeetingAction.objects.create(
            meeting=meeting, owner=owner, due_on=due_on, done_on=done_on, description=description
        )

    return make


@pytest.fixture
def make_plan(db):
    def make(establishment, title="Improving reading", **values):
        values.setdefault("starts_on", TODAY - timedelta(days=90))
        return ActionPlan.objects.create(
            establishment=establishment, title=title, recorded_at=timezone.now(), **values
        )

    return make


@pytest.fixture
def make_objective(make_plan):
    def make(establishment, owner, due_on, achieved_on=None, plan=None):
        plan = plan or make_plan(establishment)
        return Objective.objects.create(
            plan=plan,
            text="Raise KS2 reading to the LA average",
            owner=owner,
            due_on=due_on,
            achieved_on=achieved_on,
        )

    return make


@pytest.fixture
def make_milestone(db):
    def make(objective, due_on, done_on=None):
        return Milestone.objects.create(
            objective=objective, text="Phonics training done", due_on=due_on, done_on=done_on
        )

    return make


@pytest.fixture
def make_review(db):
    def make(objective, reviewed_on, rag="amber"):
        return ProgressReview.objects.create(
            objective=objective,
            reviewed_on=reviewed_on,
            rag=rag,
            commentary="Some progress",
            recorded_at=timezone.now(),
        )

    return make


@pytest.fixture
def make_notice(db):
    def make(case, *, issued_on, deadline, window, compliance="", **values):
        return WarningNotice.objects.create(
            case=case,
            grounds=["standards"],
            issued_on=issued_on,
            compliance_working_days=15,
            compliance_deadline=deadline,
            powers_window_ends=window,
            compliance=compliance,
            recorded_at=timezone.now(),
            **values,
        )

    return make


@pytest.fixture
def make_power(db):
    def make(case, used_on, power="s63", dfe_notified_on=None):
        return PowerUse.objects.create(
            case=case,
            power=power,
            used_on=used_on,
            details="Arrangements with a partner school",
            dfe_notified_on=dfe_notified_on,
            recorded_at=timezone.now(),
        )

    return make


@pytest.fixture
def make_visit(db):
    def make(establishment, adviser, scheduled_for, status="scheduled", **values):
        return Visit.objects.create(
            establishment=establishment,
            adviser=adviser,
            scheduled_for=scheduled_for,
            academic_year="2026-27",
            purpose=values.pop("purpose", "Reading review"),
            status=status,
            recorded_at=timezone.now(),
            **values,
        )

    return make


@pytest.fixture
def make_letter(db):
    def make(case, *, generated_on, sent_on=None, subject="Letter of concern"):
        when = timezone.make_aware(timezone.datetime(*generated_on.timetuple()[:3], 10))
        return Letter.objects.create(
            case=case,
            kind="concern",
            addressed_to="The headteacher and the chair of governors",
            subject=subject,
            body="Dear headteacher",
            pdf=b"%PDF-1.7",
            generated_at=when,
            sent_on=sent_on,
            sent_method="email" if sent_on else "",
        )

    return make


@pytest.fixture
def make_cycle(db):
    def make(establishment, started_on, steps=()):
        cycle = SupportCycle.objects.create(
            establishment=establishment,
            stage=steps[-1][0] if steps else "collaborative_review",
            started_on=started_on,
            recorded_at=timezone.now(),
        )
        for stage, happened_on in steps:
            CycleStep.objects.create(
                cycle=cycle,
                stage=stage,
                happened_on=happened_on,
                summary=f"{stage} done",
                recorded_at=timezone.now(),
            )
        return cycle

    return make


@pytest.fixture
def user_model():
    return get_user_model()
