"""Deployments: the agreement of the requesting school, the supporting organisation and the
LA; the sessions the leader logs (their notes shared with the school, which may comment, and
the credits they earn and cost); the review of impact and the exit. Heads book their school's
shaped sessions."""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Sum

from uplift.brokerage import access
from uplift.brokerage.conflict_facts import ConflictFacts
from uplift.brokerage.eligibility import eligibility_of, settings_for
from uplift.brokerage.models import (
    CreditKind,
    Deployment,
    DeploymentObjective,
    DeploymentStatus,
    Funding,
    Impact,
    OrganisationKind,
    RequestStatus,
    ShapedSession,
    SupportRequest,
    SupportSession,
)
from uplift.brokerage.rules import AGREE, BOOK, COMMENT, LOG_SESSION, registry
from uplift.brokerage.services.common import (
    audit,
    locked,
    now,
    require,
    required,
    save_versioned,
    user_of,
)
from uplift.brokerage.services.credits import write_entry
from uplift.brokerage.services.feedback import ask_about_deployment
from uplift.brokerage.specialisms import unknown_specialisms
from uplift.brokerage.terms import academic_year_of
from uplift.core.dates import long_date
from uplift.core.errors import Conflict, Refused


def _dates(starts_on, ends_on, review_on, agreed) -> None:
    if None in (starts_on, ends_on, review_on, *agreed):
        raise Refused("Enter the dates each party agreed, the start, the review and the end")
    if ends_on < starts_on:
        raise Refused("The deployment cannot end before it starts")
    if not starts_on <= review_on <= ends_on:
        raise Refused("The review falls between the start and the end")


def _objectives(objectives, school) -> list[tuple[str, object]]:
    found = []
    for item in objectives or []:
        text = required(item.get("text", ""), "each objective's text")
        plan_objective = item.get("plan_objective")
        if plan_objective is not None and plan_objective.plan.establishment_id != school.pk:
            raise Refused("An objective can only link to the school's own action plan")
        found.append((text, plan_objective))
    if not found:
        raise Refused("Enter at least one objective")
    return found


def agree_deployment(
    *,
    actor,
    via,
    request,
    leader,
    days_planned,
    starts_on,
    ends_on,
    review_on,
    school_agreed_on,
    supporter_agreed_on,
    la_agreed_on,
    objectives,
    version=None,
) -> Deployment:
    """The three parties agree a deployment of the leader to the request's school."""
    school = request.establishment
    require(actor, via, access.can_manage(actor, school.la_id), "agree deployments here")
    _dates(starts_on, ends_on, review_on, (school_agreed_on, supporter_agreed_on, la_agreed_on))
    if not isinstance(days_planned, int) or not 1 <= days_planned <= 100:
        raise Refused("Days planned must be a whole number from 1 to 100")
    wanted = _objectives(objectives, school)
    organisation = leader.organisation
    setting = settings_for(la_ids=[school.la_id])[school.la_id]
    with transaction.atomic():
        current = locked(SupportRequest, request, version, "request")
        eligibility = None
        if organisation.establishment_id:
            eligibility = eligibility_of(schools=[organisation.establishment])[
                organisation.establishment_id
            ]
        registry.check(
            AGREE,
            request=current,
            organisation=organisation,
            first_deployment=not organisation.deployments.exists(),
            latest_check=organisation.checks.order_by("-checked_on", "-id").first(),
            leader=leader,
            eligibility=eligibility,
            school=school,
            facts=ConflictFacts(school=school, leaders=[leader]),
        )
        by_credits = current.funding == Funding.CREDITS
        deployment = Deployment.objects.create(
            request=current,
            establishment=school,
            organisation=organisation,
            leader=leader,
            days_planned=days_planned,
            cost_pence=0 if by_credits else days_planned * setting.day_rate_pence,
            credits=days_planned * setting.credits_per_day if by_credits else 0,
            school_agreed_on=school_agreed_on,
            supporter_agreed_on=supporter_agreed_on,
            la_agreed_on=la_agreed_on,
            starts_on=starts_on,
            ends_on=ends_on,
            review_on=review_on,
            agreed_by=user_of(actor),
            recorded_at=now(),
        )
        DeploymentObjective.objects.bulk_create(
            DeploymentObjective(deployment=deployment, text=text, plan_objective=linked)
            for text, linked in wanted
        )
        current.status = RequestStatus.BROKERED
        save_versioned(current, ["status"], actor, "A deployment was agreed")
        audit(actor, via, "brokerage.deployment_agreed", deployment, establishment=school)
        if organisation.establishment_id:
            audit(
                actor,
                via,
                "brokerage.deployment_given",
                deployment,
                establishment=organisation.establishment,
            )
    return deployment


def delivered_days(deployment) -> Decimal:
    found = deployment.sessions.aggregate(t=Sum("days"))["t"]
    return Decimal(found or 0)


def _days(value) -> Decimal:
    try:
        days = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise Refused("Enter the session's length in days, e.g. 1 or 0.5") from None
    if days <= 0 or days > 5 or (days * 2) % 1:
        raise Refused("A session lasts half a day, a day, or whole half days up to 5 days")
    return days


def log_session(*, actor, via, deployment, held_on, days, focus, notes) -> SupportSession:
    """The leader logs a session; its notes are shared with the school. The supporting school
    earns credits for the days; a school funded by credits spends them."""
    require(actor, via, access.can_log_session(actor, deployment), "log sessions here")
    days = _days(days)
    if held_on is None or held_on > now().date():
        raise Refused("Enter the day the session took place, today or before")
    focus = required(focus, "the session's focus", 200)
    notes = required(notes, "the notes of the session")
    school = deployment.establishment
    rate = settings_for(la_ids=[school.la_id])[school.la_id].credits_per_day
    credits = int((days * rate).to_integral_value())
    with transaction.atomic():
        current = (
            Deployment.objects.select_for_update(of=("self",))
            .select_related("organisation__establishment", "establishment", "leader", "request")
            .get(pk=deployment.pk)
        )
        registry.check(
            LOG_SESSION, deployment=current, delivered=delivered_days(current), days=days
        )
        session = SupportSession.objects.create(
            deployment=current,
            held_on=held_on,
            days=days,
            focus=focus,
            notes=notes,
            logged_by=user_of(actor),
            logged_at=now(),
        )
        if current.status == DeploymentStatus.AGREED:
            current.status = DeploymentStatus.IN_PROGRESS
            save_versioned(current, ["status"], actor, "The first session was logged")
        audit(actor, via, "brokerage.session_logged", session, establishment=school)
        what = f"{float(days):g} day{'s' if days != 1 else ''} of support"
        supporter = current.organisation.establishment
        if (
            credits
            and supporter is not None
            and current.organisation.kind == OrganisationKind.SCHOOL
        ):
            write_entry(
                actor=actor,
                via=via,
                establishment=supporter,
                kind=CreditKind.EARNED,
                credits=credits,
                occurred_on=held_on,
                session=session,
                deployment=current,
                description=f"Earned: {what} given to {school.name}",
            )
        if credits and current.request.funding == Funding.CREDITS:
            write_entry(
                actor=actor,
                via=via,
                establishment=school,
                kind=CreditKind.SPENT,
                credits=-credits,
                occurred_on=held_on,
                deployment=current,
                description=f"Spent: {what} from {current.organisation.name}",
            )
    return session


def comment_on_session(*, actor, via, session, comment, version=None) -> SupportSession:
    """The head of the school receiving support comments on a session's notes."""
    require(actor, via, access.can_comment(actor, session.deployment), "comment on this session")
    comment = required(comment, "your comment")
    with transaction.atomic():
        current = locked(SupportSession, session, version, "session")
        registry.check(COMMENT, session=current)
        current.school_comment, current.commented_at = comment, now()
        current.commented_by = user_of(actor)
        save_versioned(current, ["school_comment", "commented_at", "commented_by"], actor)
        audit(
            actor,
            via,
            "brokerage.session_commented",
            current,
            establishment=session.deployment.establishment,
            changes={"school_comment": [None, comment]},
        )
    return current


def review_deployment(*, actor, via, deployment, reviewed_on, impact, summary, version=None):
    """Record the review of the deployment's impact."""
    require(
        actor,
        via,
        access.can_manage(actor, deployment.establishment.la_id),
        "review this deployment",
    )
    if impact not in Impact.values:
        raise Refused("Choose the impact: strong, some, or little or none")
    if reviewed_on is None:
        raise Refused("Enter the date of the review")
    summary = required(summary, "what the review found")
    with transaction.atomic():
        current = locked(Deployment, deployment, version, "deployment")
        current.reviewed_on, current.impact, current.review_summary = reviewed_on, impact, summary
        save_versioned(current, ["reviewed_on", "impact", "review_summary"], actor)
        audit(
            actor,
            via,
            "brokerage.deployment_reviewed",
            current,
            establishment=current.establishment,
            changes={"impact": [None, impact], "reviewed_on": [None, reviewed_on.isoformat()]},
        )
    return current


def exit_deployment(*, actor, via, deployment, exited_on, summary, completed=True, version=None):
    """End the deployment: completed (after its review) or ended early, with the exit plan."""
    require(
        actor, via, access.can_manage(actor, deployment.establishment.la_id), "end this deployment"
    )
    summary = required(summary, "the exit plan")
    if exited_on is None:
        raise Refused("Enter the date the deployment ended")
    with transaction.atomic():
        current = locked(Deployment, deployment, version, "deployment")
        if not current.is_running:
            raise Conflict(f"This deployment has already ended ({current.get_status_display()})")
        if completed and current.reviewed_on is None:
            raise Conflict("Review the deployment's impact before completing it")
        before = current.status
        current.status = DeploymentStatus.COMPLETED if completed else DeploymentStatus.ENDED_EARLY
        current.exited_on, current.exit_summary = exited_on, summary
        save_versioned(current, ["status", "exited_on", "exit_summary"], actor)
        audit(
            actor,
            via,
            "brokerage.deployment_ended",
            current,
            establishment=current.establishment,
            changes={"status": [before, current.status]},
            reason=summary,
        )
        if completed:
            ask_about_deployment(actor=actor, via=via, deployment=current)
    return current


def book_shaped_session(*, actor, via, establishment, booked_for, focus_area, focus):
    """A head books one of the school's shaped sessions for the year and chooses its focus."""
    require(
        actor, via, access.can_raise_request(actor, establishment), "book this school's sessions"
    )
    if booked_for is None:
        raise Refused("Enter the day of the session")
    if unknown_specialisms([focus_area]):
        raise Refused("Choose the area the session focuses on")
    focus = required(focus, "what the session should focus on")
    year = academic_year_of(booked_for)
    allowed = settings_for(la_ids=[establishment.la_id])[establishment.la_id].shaped_sessions
    with transaction.atomic():
        type(establishment).objects.select_for_update().filter(pk=establishment.pk).first()
        booked = ShapedSession.objects.filter(
            establishment=establishment, academic_year=year
        ).count()
        registry.check(BOOK, school=establishment, booked=booked, allowed=allowed, year=year)
        session = ShapedSession.objects.create(
            establishment=establishment,
            academic_year=year,
            booked_for=booked_for,
            focus_area=focus_area,
            focus=focus,
            booked_by=user_of(actor),
            booked_at=now(),
        )
        audit(
            actor,
            via,
            "brokerage.session_booked",
            session,
            establishment=establishment,
            reason=f"Session {booked + 1} of {allowed} on {long_date(booked_for)}",
        )
    return session
