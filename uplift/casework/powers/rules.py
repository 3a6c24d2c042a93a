"""The LA's intervention powers once a school is eligible (EIA 2006 s.63 to s.66)."""

from uplift.casework.cases.rules.base import POWER, POWER_DFE, Rule, day, stage_label
from uplift.casework.cases.rules.registry import register
from uplift.casework.models import NoticeRoute, Power, Stage

USABLE_AT = (Stage.ELIGIBLE, Stage.POWERS_USED)


def _notice_route(facts):
    """The warning notice the powers rest on (None when the school is eligible by its
    inspection, which the notice-route limits do not restrict)."""
    return None if facts.eligible_by_inspection else facts.latest_notice


@register
class PowersNeedEligibility(Rule):
    """Intervention powers can be used only once the school is eligible for intervention:
    the case is at {stage}."""

    code = "powers_need_eligibility"
    actions = frozenset({POWER})

    @classmethod
    def check(cls, attempt):
        stage = attempt.facts.stage
        if stage in USABLE_AT or stage == Stage.CLOSED:
            return None
        return {"stage": stage_label(stage)}


@register
class ArrangementsNotOnThePayRoute(Rule):
    """The LA cannot require the governing body to enter into arrangements (s.63) when the
    school is eligible on a teachers' pay and conditions warning notice (s.60A, issued on
    {issued_on})."""

    code = "arrangements_not_on_the_pay_route"
    actions = frozenset({POWER})

    @classmethod
    def check(cls, attempt):
        notice = _notice_route(attempt.facts)
        if attempt.power != Power.ARRANGEMENTS or notice is None:
            return None
        if notice.route != NoticeRoute.PAY_AND_CONDITIONS:
            return None
        return {"issued_on": day(notice.issued_on)}


@register
class AdditionalGovernorsWithinTwoMonths(Rule):
    """On a warning-notice route, additional governors (s.64) may be appointed only within
    two months after the compliance period ended: for the notice issued on {issued_on} that
    window closed on {closed_on}, so they cannot be appointed on {on}."""

    code = "additional_governors_within_two_months"
    actions = frozenset({POWER})

    @classmethod
    def check(cls, attempt):
        notice = _notice_route(attempt.facts)
        on = attempt.on or attempt.facts.today
        if attempt.power != Power.ADDITIONAL_GOVERNORS or notice is None:
            return None
        if on <= notice.powers_window_ends:
            return None
        return {
            "issued_on": day(notice.issued_on),
            "closed_on": day(notice.powers_window_ends),
            "on": day(on),
        }


@register
class InterimExecutiveBoardNeedsConsent(Rule):
    """An interim executive board (s.65) needs the Secretary of State's consent, given on or
    before the day the power is used ({on}): {problem}."""

    code = "interim_executive_board_needs_consent"
    actions = frozenset({POWER})
    needs_input = True

    @classmethod
    def check(cls, attempt):
        if attempt.power != Power.IEB or attempt.on is None:
            return None
        consent = attempt.sos_consent_on
        if consent is not None and consent <= attempt.on:
            return None
        problem = (
            "no date of consent is recorded"
            if consent is None
            else f"the consent recorded is dated {day(consent)}, after that day"
        )
        return {"on": day(attempt.on), "problem": problem}


@register
class DfeToldAfterThePowerIsUsed(Rule):
    """DfE is told of a power once it is used: {notified_on} is before the power was used
    ({used_on})."""

    code = "dfe_told_after_the_power_is_used"
    actions = frozenset({POWER_DFE})
    needs_input = True

    @classmethod
    def check(cls, attempt):
        use = attempt.power_use
        if use is None or attempt.on is None or attempt.on >= use.used_on:
            return None
        return {"notified_on": day(attempt.on), "used_on": day(use.used_on)}
