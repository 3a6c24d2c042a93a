import pytest

from uplift.accounts.models import Role
from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import Conflict, NotAllowed, Refused, StaleVersion
from uplift.earlywarning.models import FlagReview
from uplift.earlywarning.reviews import review_flag
from uplift.earlywarning.selectors import school_risk

from .factories import make_assessment, make_run


@pytest.fixture
def flag(herts, school):
    return make_assessment(make_run(la=herts), school)


def review(actor, assessment, **values):
    arguments = {"decision": "dismiss", "reason": "Visited last week: strong leadership"}
    arguments |= {"version": 0} | values
    return review_flag(actor=actor, via=Via.WEB, assessment=assessment, **arguments)


def test_an_officer_dismisses_a_flag_with_a_reason_audited(officer, flag):
    saved = review(officer, flag)
    assert (saved.decision, saved.version, saved.reviewed_by) == ("dismiss", 1, officer)
    event = AuditEvent.objects.get(action="earlywarning.flag_reviewed")
    assert event.reason == "Visited last week: strong leadership"
    assert event.changes == {"decision": [None, "dismiss"]}
    risk = school_risk(school=flag.school)
    assert risk.dismissed and not risk.standing_flag


def test_a_later_review_stands_and_a_stale_one_is_refused(officer, flag):
    review(officer, flag, decision="agree", reason="Falling results")
    with pytest.raises(StaleVersion):
        review(officer, flag, version=0)
    review(officer, flag, version=1)
    assert school_risk(school=flag.school).assessment.latest_review.decision == "dismiss"
    assert FlagReview.objects.count() == 2


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"reason": "  "}, "no_reason"),
        ({"decision": "maybe"}, "no_decision"),
        ({"reason": "x" * 2001}, "too_long"),
    ],
)
def test_a_review_needs_a_decision_and_a_reason(officer, flag, values, code):
    with pytest.raises(Refused) as refused:
        review(officer, flag, **values)
    assert refused.value.code == code
    assert not FlagReview.objects.exists()


def test_only_the_las_officers_review(make_user, essex, herts, flag):
    other_la = make_user("essex", Role.LA_OFFICER, la=essex)
    head = make_user("head", Role.HEADTEACHER, establishment=flag.school)
    adviser = make_user("adviser", Role.ADVISER, la=herts)
    for user in (other_la, head, adviser):
        with pytest.raises(NotAllowed):
            review(user, flag)


def test_an_unflagged_school_or_an_old_run_has_no_flag_to_review(
    officer, herts, school, make_school
):
    calm = make_assessment(make_run(la=herts), make_school(100002, herts), flagged=False)
    with pytest.raises(Conflict):
        review(officer, calm)
    old = make_assessment(make_run(la=herts, current=False), school)
    with pytest.raises(Conflict) as refused:
        review(officer, old)
    assert refused.value.code == "old_run"
