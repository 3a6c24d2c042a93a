"""Rules of warning notices (EIA 2006 s.60 and s.60A) and the notice of intention."""

from uplift.casework.cases.rules.base import (
    COMPLIANCE,
    DFE_COPY,
    INTENTION,
    NOTICE,
    POWER,
    Rule,
    day,
)
from uplift.casework.cases.rules.registry import register
from uplift.casework.models import Compliance, NoticeRoute


@register
class MaintainedSchoolsOnly(Rule):
    """Warning notices and intervention powers are for schools the LA maintains: {school}
    is {school_type}."""

    code = "maintained_schools_only"
    actions = frozenset({NOTICE, INTENTION, POWER})

    @classmethod
    def check(cls, attempt):
        facts = attempt.facts
        if facts.maintained:
            return None
        return {"school": facts.school, "school_type": facts.school_type}


@register
class NoticeStatesAGround(Rule):
    """A warning notice on the s.60 route must state at least one of the three statutory
    grounds of s.60(2): low standards of performance, a serious breakdown in management or
    governance, or a threat to the safety of pupils or staff."""

    code = "notice_states_a_ground"
    actions = frozenset({NOTICE})
    needs_input = True

    @classmethod
    def check(cls, attempt):
        if attempt.route != NoticeRoute.PERFORMANCE or attempt.grounds:
            return None
        return {}


@register
class NoticeNotIssuedInTheFuture(Rule):
    """A warning notice is recorded once it has been issued: {issued_on} is after today
    ({today})."""

    code = "notice_not_issued_in_the_future"
    actions = frozenset({NOTICE})
    needs_input = True

    @classmethod
    def check(cls, attempt):
        today = attempt.facts.today
        if attempt.on is None or attempt.on <= today:
            return None
        return {"issued_on": day(attempt.on), "today": day(today)}


@register
class DfeCopyNotBeforeIssue(Rule):
    """The copy to DfE ({copied_on}) cannot be dated before the notice was issued
    ({issued_on})."""

    code = "dfe_copy_not_before_issue"
    actions = frozenset({DFE_COPY})
    needs_input = True

    @classmethod
    def check(cls, attempt):
        notice = attempt.notice
        if notice is None or attempt.on is None or attempt.on >= notice.issued_on:
            return None
        return {"copied_on": day(attempt.on), "issued_on": day(notice.issued_on)}


@register
class NotCompliedOnlyAfterThePeriod(Rule):
    """Whether the governing body failed to comply is decided once the compliance period has
    ended: the notice issued on {issued_on} gives it until {deadline}, so it cannot be found
    not to have complied on {on}."""

    code = "not_complied_only_after_the_period"
    actions = frozenset({COMPLIANCE})
    needs_input = True

    @classmethod
    def check(cls, attempt):
        notice = attempt.notice
        if notice is None or attempt.compliance != Compliance.NOT_COMPLIED or attempt.on is None:
            return None
        if attempt.on > notice.compliance_deadline:
            return None
        return {
            "issued_on": day(notice.issued_on),
            "deadline": day(notice.compliance_deadline),
            "on": day(attempt.on),
        }


@register
class IntentionFollowsANotice(Rule):
    """A notice of intention to use powers follows a warning notice the governing body did
    not comply with: this case has no warning notice."""

    code = "intention_follows_a_notice"
    actions = frozenset({INTENTION})

    @classmethod
    def check(cls, attempt):
        return None if attempt.facts.notices else {}
