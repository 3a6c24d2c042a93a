from datetime import date

from tests.casework.rules.builders import TODAY, attempt, facts, notice, refusal
from uplift.casework.cases.rules.base import COMPLIANCE, DFE_COPY, INTENTION, NOTICE, POWER


def test_notices_and_powers_are_for_maintained_schools_only():
    academy = facts(maintained=False, school_type="an academy converter")
    for action in (NOTICE, INTENTION, POWER):
        assert refusal("maintained_schools_only", attempt(action, facts=academy)) == (
            "Warning notices and intervention powers are for schools the LA maintains: "
            "Abbots Langley Primary (URN 117001) is an academy converter."
        )
    assert refusal("maintained_schools_only", attempt(NOTICE)) is None


def test_an_s60_notice_states_a_ground():
    none = attempt(NOTICE, grounds=(), route="s60")
    assert refusal("notice_states_a_ground", none).startswith(
        "A warning notice on the s.60 route must state at least one of the three statutory "
        "grounds of s.60(2)"
    )
    assert refusal("notice_states_a_ground", attempt(NOTICE, grounds=("safety",))) is None
    assert refusal("notice_states_a_ground", attempt(NOTICE, route="s60a")) is None


def test_a_notice_is_not_issued_in_the_future():
    tomorrow = attempt(NOTICE, on=date(2026, 11, 21))
    assert refusal("notice_not_issued_in_the_future", tomorrow) == (
        "A warning notice is recorded once it has been issued: 21 November 2026 is after "
        "today (20 November 2026)."
    )
    assert refusal("notice_not_issued_in_the_future", attempt(NOTICE, on=TODAY)) is None


def test_the_dfe_copy_is_not_dated_before_the_notice():
    early = attempt(DFE_COPY, notice=notice(), on=date(2026, 5, 21))
    assert refusal("dfe_copy_not_before_issue", early) == (
        "The copy to DfE (21 May 2026) cannot be dated before the notice was issued (22 May 2026)."
    )
    same_day = attempt(DFE_COPY, notice=notice(), on=date(2026, 5, 22))
    assert refusal("dfe_copy_not_before_issue", same_day) is None


def test_not_complied_is_decided_only_after_the_period():
    early = attempt(COMPLIANCE, notice=notice(), compliance="not_complied", on=date(2026, 6, 15))
    assert refusal("not_complied_only_after_the_period", early) == (
        "Whether the governing body failed to comply is decided once the compliance period "
        "has ended: the notice issued on 22 May 2026 gives it until 15 June 2026, so it cannot "
        "be found not to have complied on 15 June 2026."
    )
    later = attempt(COMPLIANCE, notice=notice(), compliance="not_complied", on=date(2026, 6, 16))
    assert refusal("not_complied_only_after_the_period", later) is None
    complied_early = attempt(
        COMPLIANCE, notice=notice(), compliance="complied", on=date(2026, 6, 1)
    )
    assert refusal("not_complied_only_after_the_period", complied_early) is None


def test_the_notice_of_intention_follows_a_notice():
    assert refusal("intention_follows_a_notice", attempt(INTENTION)) == (
        "A notice of intention to use powers follows a warning notice the governing body did "
        "not comply with: this case has no warning notice."
    )
    with_notice = attempt(INTENTION, facts=facts(notices=(notice(),)))
    assert refusal("intention_follows_a_notice", with_notice) is None
