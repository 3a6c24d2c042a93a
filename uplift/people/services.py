"""Changing people: inviting them, accepting an invitation, giving and removing roles,
assigning an adviser's schools, switching accounts off and on. Each change runs in one
transaction with an audit event (who, when, what, why); email goes out on commit."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from uplift.accounts.models import Invitation, Profile, Role, RoleGrant
from uplift.audit.services import record_event
from uplift.core.errors import Conflict, Refused
from uplift.people import access
from uplift.schools.models import Establishment, LocalAuthority, SchoolGroup

INVITATION_LIFETIME = timedelta(days=7)
LA_ROLES = {Role.LA_ADMIN, Role.LA_OFFICER, Role.DATA_OFFICER, Role.ADVISER}
SCHOOL_ROLES = {Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _clean_reason(reason: str) -> str:
    if not (reason or "").strip():
        raise Refused("Enter the reason for the change")
    return reason.strip()


def _name(user) -> str:
    return user.get_full_name() or user.email


def _roles_text(user) -> list[str]:
    return [describe_grant(g) for g in user.role_grants.select_related("la", "establishment")]


def describe_grant(grant: RoleGrant) -> str:
    """A role as a person reads it: "Headteacher of Oak Primary School"."""
    label = grant.get_role_display()
    if grant.role in SCHOOL_ROLES and grant.establishment_id:
        school = grant.establishment
        return f"{label} of {school.name or f'the school with URN {school.urn}'}"
    if grant.role == Role.BOARD_MEMBER and grant.group_id:
        return f"{label} of {grant.group.name}"
    if grant.la_id:
        return f"{label}, {grant.la.name}"
    return label


@transaction.atomic
def invite_person(
    *,
    actor,
    via: str,
    la: LocalAuthority,
    email: str,
    first_name: str,
    last_name: str,
    reason: str = "Invited to use Uplift",
    site_url: str | None = None,
):
    """Create the person's account (no password yet) and email them a one-time link to
    set one. Answers the new user."""
    access.check_manages_la(actor, la)
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise Refused(
            "Enter an email address in the correct format, like name@example.org"
        ) from None
    if not (first_name or "").strip() or not (last_name or "").strip():
        raise Refused("Enter the person's first name and last name")
    User = get_user_model()
    if (
        User.objects.filter(email__iexact=email).exists()
        or User.objects.filter(username__iexact=email).exists()
    ):
        raise Conflict(f"{email} already has an account")
    user = User(
        username=email, email=email, first_name=first_name.strip(), last_name=last_name.strip()
    )
    user.set_unusable_password()
    user.save()
    token = _new_invitation(actor=actor, user=user, la=la)
    record_event(
        actor=actor,
        via=via,
        action="person.invited",
        obj=user,
        la=la,
        changes={"email": [None, email], "name": [None, _name(user)]},
        reason=_clean_reason(reason),
    )
    _send_invitation_on_commit(user=user, token=token, la=la, site_url=site_url)
    return user


@transaction.atomic
def resend_invitation(*, actor, via: str, user, la, reason: str, site_url: str | None = None):
    """A fresh link for someone who has not yet set a password (older links stop working)."""
    access.check_manages_person(actor, user)
    if user.has_usable_password():
        raise Conflict(f"{_name(user)} has already set a password")
    Invitation.objects.filter(user=user, used_at__isnull=True).update(used_at=timezone.now())
    token = _new_invitation(actor=actor, user=user, la=la)
    record_event(
        actor=actor,
        via=via,
        action="person.invitation_resent",
        obj=user,
        la=la,
        reason=_clean_reason(reason),
    )
    _send_invitation_on_commit(user=user, token=token, la=la, site_url=site_url)


def _new_invitation(*, actor, user, la) -> str:
    token = secrets.token_urlsafe(32)
    Invitation.objects.create(
        user=user,
        la=la,
        token_hash=token_hash(token),
        invited_by=actor,
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    return token


def _send_invitation_on_commit(*, user, token: str, la, site_url: str | None) -> None:
    base = (site_url or settings.UPLIFT_SITE_URL).rstrip("/")
    link = base + reverse("people:accept", args=[token])
    context = {
        "user": user,
        "link": link,
        "la": la,
        "days": INVITATION_LIFETIME.days,
        "sso": bool(settings.OIDC_RP_CLIENT_ID and settings.OIDC_OP_AUTHORIZATION_ENDPOINT),
    }
    body = render_to_string("people/invitation_email.txt", context)
    subject = f"You have been invited to use Uplift{f' by {la.name}' if la else ''}"
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    )


def open_invitation(token: str) -> Invitation:
    """The invitation this link opens, or a refusal saying why it cannot be used."""
    invitation = (
        Invitation.objects.select_related("user").filter(token_hash=token_hash(token)).first()
    )
    if invitation is None:
        raise Refused("This invitation link is not valid. Ask your LA administrator for a new one.")
    if invitation.used_at is not None:
        raise Conflict("This invitation link has already been used. Sign in instead.")
    if invitation.expires_at <= timezone.now():
        raise Conflict("This invitation link has expired. Ask your LA administrator for a new one.")
    if not invitation.user.is_active:
        raise Conflict("This account has been switched off. Ask your LA administrator.")
    return invitation


@transaction.atomic
def accept_invitation(*, token: str, password: str, via: str):
    """Set the invited person's password; the link cannot be used again. Answers the user."""
    invitation = open_invitation(token)
    Invitation.objects.select_for_update().filter(pk=invitation.pk).first()
    claimed = Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    if not claimed:
        raise Conflict("This invitation link has already been used. Sign in instead.")
    user = invitation.user
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise Refused(" ".join(error.messages)) from None
    user.set_password(password)
    user.save(update_fields=["password"])
    record_event(
        actor=user,
        via=via,
        action="person.invitation_accepted",
        obj=user,
        la=invitation.la,
        reason="Set a password from the invitation",
    )
    return user


def _scope_of_grant(*, role, la, establishment, group):
    """The LA a new grant belongs to, after checking it has what the role needs."""
    if role in SCHOOL_ROLES:
        if establishment is None:
            raise Refused("Choose the school")
        return establishment.la
    if role == Role.BOARD_MEMBER:
        if group is None:
            raise Refused("Choose the board")
        return group.la
    if role in LA_ROLES and la is None:
        raise Refused("Choose the local authority")
    return la


@transaction.atomic
def grant_role(
    *,
    actor,
    via: str,
    user,
    role: str,
    reason: str,
    la: LocalAuthority | None = None,
    establishment: Establishment | None = None,
    group: SchoolGroup | None = None,
    schools=(),
    caseload: int | None = None,
) -> RoleGrant:
    """Give the person a role (their first becomes their primary role)."""
    if role not in Role.values:
        raise Refused("Choose a role")
    access.check_may_give(actor, role)
    la = _scope_of_grant(role=role, la=la, establishment=establishment, group=group)
    if role not in access.NATIONAL_ROLES:
        access.check_manages_la(actor, la)
    access.check_manages_people(actor)
    reason = _clean_reason(reason)
    schools = list(schools) if role == Role.ADVISER else []
    _check_schools(schools, la, caseload)
    values = {
        "role": role,
        "la": la if role not in access.NATIONAL_ROLES else None,
        "establishment": establishment if role in SCHOOL_ROLES else None,
        "group": group if role == Role.BOARD_MEMBER else None,
    }
    duplicate = RoleGrant.objects.filter(
        user=user,
        **{f"{k}_id": (v.pk if v else None) for k, v in values.items() if k != "role"},
        role=role,
    )
    if duplicate.exists():
        raise Conflict(f"{_name(user)} already has this role")
    if not Profile.objects.filter(user=user).exists():
        profile = Profile.objects.create(user=user, **values)
        profile.assigned_establishments.set(schools)
        grant = RoleGrant.objects.get(user=user, primary=True)
        if caseload is not None:
            RoleGrant.objects.filter(pk=grant.pk).update(caseload=caseload)
            grant.caseload = caseload
    else:
        grant = RoleGrant.objects.create(user=user, caseload=caseload, **values)
        grant.schools.set(schools)
    record_event(
        actor=actor,
        via=via,
        action="person.role_given",
        obj=user,
        la=la,
        changes={
            "roles": [None, describe_grant(grant)],
            **({"schools": [[], sorted(s.name for s in schools)]} if schools else {}),
            **({"caseload": [None, caseload]} if caseload is not None else {}),
        },
        reason=reason,
    )
    return grant


def _check_schools(schools, la, caseload) -> None:
    outside = [s.name for s in schools if la is None or s.la_id != la.pk]
    if outside:
        raise Refused(f"These schools are not in the LA: {', '.join(sorted(outside))}")
    if caseload is not None and caseload < 0:
        raise Refused("The caseload must be a whole number of schools, 0 or more")


@transaction.atomic
def set_adviser_schools(
    *, actor, via: str, grant: RoleGrant, schools, caseload: int | None, reason: str
) -> RoleGrant:
    """Assign the adviser's schools (all at once: the list given replaces the old one)."""
    access.check_manages_person(actor, grant.user)
    access.check_manages_la(actor, grant.la)
    if grant.role != Role.ADVISER:
        raise Conflict("Only an adviser has assigned schools")
    reason = _clean_reason(reason)
    schools = list(schools)
    _check_schools(schools, grant.la, caseload)
    before = sorted(grant.schools.values_list("name", flat=True))
    before_caseload = grant.caseload
    if grant.primary:
        grant.user.profile.assigned_establishments.set(schools)
    else:
        grant.schools.set(schools)
    RoleGrant.objects.filter(pk=grant.pk).update(caseload=caseload)
    grant.caseload = caseload
    after = sorted(s.name for s in schools)
    changes = {}
    if before != after:
        changes["schools"] = [before, after]
    if before_caseload != caseload:
        changes["caseload"] = [before_caseload, caseload]
    if not changes:
        raise Conflict("Nothing to change: these are already the adviser's schools")
    record_event(
        actor=actor,
        via=via,
        action="person.schools_assigned",
        obj=grant.user,
        la=grant.la,
        changes=changes,
        reason=reason,
    )
    return grant


def _la_of(grant: RoleGrant):
    if grant.la_id:
        return grant.la
    if grant.establishment_id:
        return grant.establishment.la
    return grant.group.la if grant.group_id else None


@transaction.atomic
def revoke_role(*, actor, via: str, grant: RoleGrant, reason: str) -> None:
    """Remove a role. If it was the primary role, the next one becomes primary."""
    user = grant.user
    access.check_manages_person(actor, user)
    if grant.role in access.NATIONAL_ROLES:
        access.check_may_give(actor, grant.role)
    else:
        access.check_manages_la(actor, _la_of(grant))
    reason = _clean_reason(reason)
    described, la = describe_grant(grant), _la_of(grant)
    if grant.primary:
        successor = RoleGrant.objects.filter(user=user, primary=False).order_by("pk").first()
        if successor is None:
            Profile.objects.filter(user=user).delete()  # the primary grant goes with it
        else:
            profile = user.profile
            for name in ("role", "la_id", "establishment_id", "group_id"):
                setattr(profile, name, getattr(successor, name))
            profile.save()
            profile.assigned_establishments.set(successor.schools.all())
            RoleGrant.objects.filter(user=user, primary=True).update(caseload=successor.caseload)
            successor.delete()
    else:
        grant.delete()
    record_event(
        actor=actor,
        via=via,
        action="person.role_removed",
        obj=user,
        la=la,
        changes={"roles": [described, None]},
        reason=reason,
    )


@transaction.atomic
def set_active(*, actor, via: str, user, active: bool, reason: str) -> None:
    """Switch an account off (it can no longer sign in, by password or SSO) or back on."""
    access.check_manages_person(actor, user)
    if user.pk == actor.pk and not active:
        raise Conflict("You cannot switch off your own account")
    if user.is_active == active:
        raise Conflict("The account is already " + ("on" if active else "off"))
    reason = _clean_reason(reason)
    type(user).objects.filter(pk=user.pk).update(is_active=active)
    user.is_active = active
    if not active:
        Invitation.objects.filter(user=user, used_at__isnull=True).update(used_at=timezone.now())
    record_event(
        actor=actor,
        via=via,
        action="person.activated" if active else "person.deactivated",
        obj=user,
        changes={"active": [not active, active]},
        reason=reason,
    )
