from datetime import date

from tests.casework.rules.builders import attempt, codes, facts, notice, refusal
from uplift.casework.cases.rules.base import MOVE

READY = facts(
    stage="warning_notice",
    stage_changed_on=date(2026, 5, 22),
    notices=(notice(),),
    notice_of_intention_on=date(2026, 6, 17),
)


def eligible(on=date(2026, 6, 24), **values):
    return attempt(MOVE, to_stage="eligible", on=on, facts=facts(**{**READY.__dict__, **values}))


def test_a_notice_met_in_full_makes_the_school_eligible():
    assert codes(eligible()) == []


def test_eligibility_needs_a_notice_or_an_inspection():
    assert refusal("eligible_needs_a_notice_or_an_inspection", eligible(notices=())) == (
        "The school is not eligible for intervention: it has no warning notice, and its latest "
        "inspection did not put it in special measures or requiring significant improvement "
        "(serious weaknesses or notice to improve before 2012)."
    )


def test_special_measures_or_rsi_make_the_school_eligible_without_a_notice():
    for category in (
        "special_measures",
        "requires_significant_improvement",
        "serious_weaknesses",
        "notice_to_improve",
    ):
        assert codes(eligible(notices=(), concern_inspection=category)) == []


def test_the_compliance_period_must_have_expired():
    on_deadline = eligible(on=date(2026, 6, 15))
    assert refusal("compliance_period_expired", on_deadline) == (
        "The school becomes eligible only once the warning notice's compliance period has "
        "expired: the notice issued on 22 May 2026 gives the governing body until 15 June "
        "2026, so the school is not eligible on 15 June 2026."
    )
    assert refusal("compliance_period_expired", eligible(on=date(2026, 6, 16))) is None


def test_the_governing_body_must_not_have_complied():
    pending = eligible(notices=(notice(compliance="", compliance_decided_on=None),))
    assert refusal("governing_body_did_not_comply", pending) == (
        "The school becomes eligible only when the governing body has not complied with the "
        "warning notice to the LA's satisfaction: whether it complied has not been decided yet."
    )
    complied = eligible(notices=(notice(compliance="complied"),))
    assert refusal("governing_body_did_not_comply", complied).endswith(
        "it was found to have complied on 16 June 2026."
    )


def test_the_copy_to_dfe_must_be_recorded():
    uncopied = eligible(notices=(notice(copied_to_dfe_on=None),))
    assert refusal("notice_copied_to_dfe", uncopied) == (
        "The school becomes eligible only once the copy of the warning notice (issued on "
        "22 May 2026) to DfE is recorded."
    )


def test_the_notice_of_intention_must_be_recorded():
    assert refusal("notice_of_intention_given", eligible(notice_of_intention_on=None)) == (
        "The school becomes eligible only once the LA has given the governing body notice in "
        "writing that it proposes to use its powers: no notice of intention is recorded."
    )


def test_every_missing_condition_is_named():
    bare = eligible(
        on=date(2026, 6, 1),
        notices=(notice(copied_to_dfe_on=None, compliance=""),),
        notice_of_intention_on=None,
    )
    assert codes(bare) == [
        "compliance_period_expired",
        "governing_body_did_not_comply",
        "notice_copied_to_dfe",
        "notice_of_intention_given",
    ]
