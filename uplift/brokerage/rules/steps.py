"""The rules of a deployment's steps, the credits ledger, shaped sessions and good practice."""

from uplift.brokerage.rules import (
    AGREE,
    BOOK,
    COMMENT,
    LOG_SESSION,
    PRACTICE,
    SPEND,
    Rule,
    register,
)


@register
class DueDiligenceFirst(Rule):
    """{organisation} has no passed due diligence check: one must pass before its first
    deployment."""

    code = "due_diligence_first"
    actions = (AGREE,)
    order = 5

    @classmethod
    def broken(cls, *, organisation, first_deployment, latest_check, **_):
        if not first_deployment:
            return None
        if latest_check is not None and latest_check.outcome != "failed":
            return None
        return {"organisation": organisation.name}


@register
class SupporterEligible(Rule):
    """{leader}'s school cannot give support now: {why}"""

    code = "supporter_not_eligible"
    actions = (AGREE,)
    order = 8

    @classmethod
    def broken(cls, *, leader, eligibility, **_):
        if eligibility is None or eligibility.eligible:
            return None
        return {"leader": leader.name, "why": eligibility.reasons[0]}


@register
class RequestStillOpen(Rule):
    """This request is {status}: only an open request is brokered."""

    code = "request_not_open"
    actions = (AGREE,)
    order = 1

    @classmethod
    def broken(cls, *, request, **_):
        if request.status == "open":
            return None
        return {"status": request.get_status_display().lower()}


@register
class SessionsOnRunningDeployment(Rule):
    """This deployment is {status}: sessions are logged while it runs."""

    code = "deployment_not_running"
    actions = (LOG_SESSION,)
    order = 10

    @classmethod
    def broken(cls, *, deployment, **_):
        if deployment.is_running:
            return None
        return {"status": deployment.get_status_display().lower()}


@register
class WithinDaysAgreed(Rule):
    """This session would take the days delivered to {delivered}, beyond the {planned} days
    agreed."""

    code = "beyond_days_agreed"
    actions = (LOG_SESSION,)
    order = 20

    @classmethod
    def broken(cls, *, deployment, delivered, days, **_):
        total = delivered + days
        if total <= deployment.days_planned:
            return None
        return {"delivered": f"{float(total):g}", "planned": deployment.days_planned}


@register
class CommentOnce(Rule):
    """The school has already commented on this session."""

    code = "already_commented"
    actions = (COMMENT,)

    @classmethod
    def broken(cls, *, session, **_):
        return {} if session.commented_at else None


@register
class BalanceNeverNegative(Rule):
    """{school} has {balance} credits: spending {credits} would take its balance below
    nought."""

    code = "credits_below_nought"
    actions = (SPEND,)

    @classmethod
    def broken(cls, *, school, balance, credits, **_):
        if balance - credits >= 0:
            return None
        return {"school": school.name, "balance": balance, "credits": credits}


@register
class WithinShapedEntitlement(Rule):
    """{school} has booked all {allowed} of its sessions for {year}."""

    code = "shaped_sessions_used"
    actions = (BOOK,)

    @classmethod
    def broken(cls, *, school, booked, allowed, year, **_):
        if booked < allowed:
            return None
        return {"school": school.name, "allowed": allowed, "year": year}


@register
class EvidenceSupportsPractice(Rule):
    """{school}'s evidence does not show good practice in {area}: its latest inspection did
    not grade the area good or better, and it is not in one of the LA's best categories."""

    code = "practice_without_evidence"
    actions = (PRACTICE,)

    @classmethod
    def broken(cls, *, school, area_label, supported, **_):
        if supported:
            return None
        return {"school": school.name, "area": area_label}
