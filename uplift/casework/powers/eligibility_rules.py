"""When a maintained school becomes eligible for intervention (EIA 2006 s.59): after a
warning notice it did not comply with (s.60, s.60A), or when Ofsted's latest inspection put
it in special measures (s.62) or requiring significant improvement (s.61; formerly serious
weaknesses or notice to improve), which needs no notice."""

from uplift.casework.cases.rules.base import MOVE, Rule, day
from uplift.casework.cases.rules.registry import register
from uplift.casework.models import Compliance, Stage


def _on_a_notice(attempt):
    """The notice the school's eligibility rests on, when it rests on one (None when the
    step is not a move to eligible, or the school is eligible by its inspection)."""
    facts = attempt.facts
    if attempt.to_stage != Stage.ELIGIBLE or facts.eligible_by_inspection:
        return None
    return facts.latest_notice


@register
class EligibleNeedsANoticeOrAnInspection(Rule):
    """The school is not eligible for intervention: it has no warning notice, and its latest
    inspection did not put it in special measures or requiring significant improvement
    (serious weaknesses or notice to improve before 2012)."""

    code = "eligible_needs_a_notice_or_an_inspection"
    actions = frozenset({MOVE})

    @classmethod
    def check(cls, attempt):
        facts = attempt.facts
        if attempt.to_stage != Stage.ELIGIBLE or facts.eligible_by_inspection or facts.notices:
            return None
        return {}


@register
class CompliancePeriodExpired(Rule):
    """The school becomes eligible only once the warning notice's compliance period has
    expired: the notice issued on {issued_on} gives the governing body until {deadline}, so
    the school is not eligible on {on}."""

    code = "compliance_period_expired"
    actions = frozenset({MOVE})

    @classmethod
    def check(cls, attempt):
        notice = _on_a_notice(attempt)
        on = attempt.on or attempt.facts.today
        if notice is None or on > notice.compliance_deadline:
            return None
        return {
            "issued_on": day(notice.issued_on),
            "deadline": day(notice.compliance_deadline),
            "on": day(on),
        }


@register
class GoverningBodyDidNotComply(Rule):
    """The school becomes eligible only when the governing body has not complied with the
    warning notice to the LA's satisfaction: {decision}."""

    code = "governing_body_did_not_comply"
    actions = frozenset({MOVE})

    @classmethod
    def check(cls, attempt):
        notice = _on_a_notice(attempt)
        if notice is None or notice.compliance == Compliance.NOT_COMPLIED:
            return None
        if notice.compliance == Compliance.COMPLIED:
            decision = f"it was found to have complied on {day(notice.compliance_decided_on)}"
        else:
            decision = "whether it complied has not been decided yet"
        return {"decision": decision}


@register
class NoticeCopiedToDfe(Rule):
    """The school becomes eligible only once the copy of the warning notice (issued on
    {issued_on}) to DfE is recorded."""

    code = "notice_copied_to_dfe"
    actions = frozenset({MOVE})

    @classmethod
    def check(cls, attempt):
        notice = _on_a_notice(attempt)
        if notice is None or notice.copied_to_dfe_on is not None:
            return None
        return {"issued_on": day(notice.issued_on)}


@register
class NoticeOfIntentionGiven(Rule):
    """The school becomes eligible only once the LA has given the governing body notice in
    writing that it proposes to use its powers: no notice of intention is recorded."""

    code = "notice_of_intention_given"
    actions = frozenset({MOVE})

    @classmethod
    def check(cls, attempt):
        notice = _on_a_notice(attempt)
        if notice is None or attempt.facts.notice_of_intention_on is not None:
            return None
        return {}
