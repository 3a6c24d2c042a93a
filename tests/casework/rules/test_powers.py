from datetime import date

from tests.casework.rules.builders import attempt, facts, notice, power, refusal
from uplift.casework.cases.rules.base import POWER, POWER_DFE

ELIGIBLE = facts(stage="eligible", stage_changed_on=date(2026, 6, 24), notices=(notice(),))


def use(power_code, on=date(2026, 7, 1), **values):
    values.setdefault("facts", ELIGIBLE)
    return attempt(POWER, power=power_code, on=on, **values)


def test_powers_need_eligibility():
    early = use("s66", facts=facts(stage="warning_notice"))
    assert refusal("powers_need_eligibility", early) == (
        "Intervention powers can be used only once the school is eligible for intervention: "
        "the case is at formal warning notice."
    )
    assert refusal("powers_need_eligibility", use("s66")) is None
    again = use("s66", facts=facts(stage="powers_used"))
    assert refusal("powers_need_eligibility", again) is None


def test_no_s63_arrangements_on_the_pay_and_conditions_route():
    pay = facts(stage="eligible", notices=(notice(route="s60a"),))
    assert refusal("arrangements_not_on_the_pay_route", use("s63", facts=pay)) == (
        "The LA cannot require the governing body to enter into arrangements (s.63) when the "
        "school is eligible on a teachers' pay and conditions warning notice (s.60A, issued on "
        "22 May 2026)."
    )
    assert refusal("arrangements_not_on_the_pay_route", use("s63")) is None
    assert refusal("arrangements_not_on_the_pay_route", use("s64", facts=pay)) is None


def test_additional_governors_only_within_two_months_of_the_compliance_period():
    late = use("s64", on=date(2026, 8, 17))
    assert refusal("additional_governors_within_two_months", late) == (
        "On a warning-notice route, additional governors (s.64) may be appointed only within "
        "two months after the compliance period ended: for the notice issued on 22 May 2026 "
        "that window closed on 15 August 2026, so they cannot be appointed on 17 August 2026."
    )
    last_day = use("s64", on=date(2026, 8, 15))
    assert refusal("additional_governors_within_two_months", last_day) is None
    # A school in special measures is eligible without the notice's window.
    in_sm = facts(stage="eligible", notices=(notice(),), concern_inspection="special_measures")
    assert (
        refusal("additional_governors_within_two_months", use("s64", late.on, facts=in_sm)) is None
    )


def test_an_ieb_needs_the_secretary_of_states_consent():
    missing = use("s65")
    assert refusal("interim_executive_board_needs_consent", missing) == (
        "An interim executive board (s.65) needs the Secretary of State's consent, given on or "
        "before the day the power is used (1 July 2026): no date of consent is recorded."
    )
    late = use("s65", sos_consent_on=date(2026, 7, 2))
    assert refusal("interim_executive_board_needs_consent", late).endswith(
        "the consent recorded is dated 2 July 2026, after that day."
    )
    given = use("s65", sos_consent_on=date(2026, 6, 30))
    assert refusal("interim_executive_board_needs_consent", given) is None


def test_dfe_is_told_after_the_power_is_used():
    early = attempt(POWER_DFE, power_use=power(), on=date(2026, 6, 30))
    assert refusal("dfe_told_after_the_power_is_used", early) == (
        "DfE is told of a power once it is used: 30 June 2026 is before the power was used "
        "(1 July 2026)."
    )
    later = attempt(POWER_DFE, power_use=power(), on=date(2026, 7, 1))
    assert refusal("dfe_told_after_the_power_is_used", later) is None
