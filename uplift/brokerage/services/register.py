"""The register: an LA's settings, supporting organisations and their due diligence checks,
system leaders and their designations, people linked to schools and recorded conflicts."""

from django.db import IntegrityError, transaction

from uplift.audit.services import diff, snapshot
from uplift.brokerage import access
from uplift.brokerage.models import (
    BrokerageSettings,
    CheckOutcome,
    Designation,
    DesignationKind,
    DueDiligenceCheck,
    OrganisationKind,
    PersonLink,
    RecordedConflict,
    SupportOrganisation,
    SystemLeader,
)
from uplift.brokerage.services.common import (
    audit,
    locked,
    now,
    require,
    required,
    save_versioned,
    user_of,
)
from uplift.brokerage.specialisms import unknown_specialisms
from uplift.core.errors import Conflict, Refused
from uplift.schools.models import Establishment, PhaseGroup

MANAGE = "keep this LA's register of school-to-school support"


def save_settings(*, actor, via, la, version=None, **values) -> BrokerageSettings:
    """Set the LA's eligible categories, credits per day, day rate and shaped sessions."""
    require(actor, via, access.can_manage(actor, la.pk), MANAGE)
    for name, value in values.items():
        if name not in {
            "eligible_categories",
            "credits_per_day",
            "day_rate_pence",
            "shaped_sessions",
        }:
            raise Refused(f"There is no setting called {name}")
        if not isinstance(value, int) or value < 0:
            raise Refused(f"The {name.replace('_', ' ')} must be a whole number, 0 or more")
    if values.get("eligible_categories") == 0:
        raise Refused("At least the best category must be able to give support")
    with transaction.atomic():
        current, _ = BrokerageSettings.objects.get_or_create(la=la)
        current = locked(BrokerageSettings, current, version, "setting")
        before = snapshot(current, values)
        for name, value in values.items():
            setattr(current, name, value)
        current.updated_at, current.updated_by = now(), user_of(actor)
        save_versioned(current, [*values, "updated_at", "updated_by"], actor)
        audit(
            actor,
            via,
            "brokerage.settings_changed",
            current,
            la=la,
            changes=diff(before, snapshot(current, values)),
        )
    return current


def add_organisation(
    *,
    actor,
    via,
    la,
    kind,
    name,
    urn=None,
    group=None,
    postcode="",
    contact_name="",
    contact_email="",
) -> SupportOrganisation:
    """Register an organisation that gives support; a school by its URN."""
    require(actor, via, access.can_manage(actor, la.pk), MANAGE)
    if kind not in OrganisationKind.values:
        raise Refused(f"{kind!r} is not a kind of supporting organisation")
    establishment = None
    if kind == OrganisationKind.SCHOOL:
        if not urn:
            raise Refused("Enter the school's URN")
        establishment = Establishment.objects.filter(urn=urn).first()
        if establishment is None:
            raise Refused(f"There is no school with URN {urn}")
    name = required(name or (establishment.name if establishment else ""), "the name", 200)
    organisation = SupportOrganisation(
        la=la,
        kind=kind,
        name=name,
        establishment=establishment,
        group=group,
        postcode=(postcode or (establishment.postcode if establishment else "")).strip().upper(),
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip(),
        created_by=user_of(actor),
        recorded_at=now(),
    )
    try:
        with transaction.atomic():
            organisation.save()
            audit(
                actor,
                via,
                "brokerage.organisation_added",
                organisation,
                la=la,
                establishment=establishment,
            )
    except IntegrityError:
        raise Conflict(f"{la.name} already has an organisation called {name}") from None
    return organisation


def record_check(
    *, actor, via, organisation, checked_on, what, outcome, notes=""
) -> DueDiligenceCheck:
    """Record a due diligence check of an organisation: what, when, by whom, its outcome."""
    require(actor, via, access.can_manage(actor, organisation.la_id), MANAGE)
    if user_of(actor) is None:
        raise Refused("A due diligence check is recorded by a named person")
    if outcome not in CheckOutcome.values:
        raise Refused(f"{outcome!r} is not an outcome: passed, concerns or failed")
    if checked_on is None or checked_on > now().date():
        raise Refused("Enter the date of the check, today or before")
    check = DueDiligenceCheck(
        organisation=organisation,
        checked_on=checked_on,
        checked_by=actor,
        what=required(what, "what was checked", 200),
        outcome=outcome,
        notes=notes.strip(),
        recorded_at=now(),
    )
    with transaction.atomic():
        check.save()
        audit(actor, via, "brokerage.check_recorded", check, la=organisation.la)
    return check


def _phases(phases) -> list[str]:
    wrong = [p for p in phases if p not in PhaseGroup.values]
    if wrong:
        raise Refused(f"Unknown phase: {', '.join(wrong)}")
    return list(dict.fromkeys(phases))


def _specialisms(codes) -> list[str]:
    wrong = unknown_specialisms(codes)
    if wrong:
        raise Refused(f"Unknown specialism: {', '.join(wrong)}")
    return list(dict.fromkeys(codes))


def add_leader(
    *,
    actor,
    via,
    organisation,
    name,
    phases,
    specialisms,
    days_per_term,
    email="",
    user=None,
    is_sample=False,
) -> SystemLeader:
    require(actor, via, access.can_manage(actor, organisation.la_id), MANAGE)
    if not isinstance(days_per_term, int) or not 0 <= days_per_term <= 65:
        raise Refused("Days per term must be a whole number from 0 to 65")
    if not specialisms:
        raise Refused("Choose at least one specialism")
    leader = SystemLeader(
        organisation=organisation,
        user=user,
        name=required(name, "the leader's name", 120),
        email=email.strip(),
        phases=_phases(phases),
        specialisms=_specialisms(specialisms),
        days_per_term=days_per_term,
        is_sample=is_sample,
        recorded_at=now(),
    )
    with transaction.atomic():
        leader.save()
        audit(
            actor,
            via,
            "brokerage.leader_added",
            leader,
            la=organisation.la,
            establishment=organisation.establishment,
        )
    return leader


def designate(
    *,
    actor,
    via,
    leader,
    kind,
    designated_by,
    starts_on,
    ends_on=None,
    scheme="",
) -> Designation:
    """Record a dated designation (NLE, LLE, SLE, a local scheme, adviser) and who made it."""
    require(actor, via, access.can_manage(actor, leader.organisation.la_id), MANAGE)
    if kind not in DesignationKind.values:
        raise Refused(f"{kind!r} is not a designation")
    if kind == DesignationKind.LOCAL and not scheme.strip():
        raise Refused("Enter the local scheme's name, e.g. Wigan Leaders of Education")
    if starts_on is None:
        raise Refused("Enter the date the designation starts")
    if ends_on is not None and ends_on < starts_on:
        raise Refused("The designation cannot end before it starts")
    designation = Designation(
        leader=leader,
        kind=kind,
        scheme=scheme.strip(),
        designated_by=required(designated_by, "the designating body", 120),
        starts_on=starts_on,
        ends_on=ends_on,
    )
    with transaction.atomic():
        designation.save()
        audit(actor, via, "brokerage.designated", designation, la=leader.organisation.la)
    return designation


def add_designated_leader(
    *, actor, via, organisation, kind, designated_by, starts_on, scheme="", **leader
) -> SystemLeader:
    """A new leader with their first designation, both or neither."""
    with transaction.atomic():
        found = add_leader(actor=actor, via=via, organisation=organisation, **leader)
        designate(
            actor=actor,
            via=via,
            leader=found,
            kind=kind,
            designated_by=designated_by,
            starts_on=starts_on,
            scheme=scheme,
        )
    return found


def link_person(
    *,
    actor,
    via,
    establishment,
    person_name,
    role,
    user=None,
    leader=None,
    starts_on=None,
) -> PersonLink:
    """Record a person's role at a school (governor, trustee...), for conflict checks."""
    require(actor, via, access.can_manage(actor, establishment.la_id), MANAGE)
    link = PersonLink(
        establishment=establishment,
        person_name=" ".join(required(person_name, "the person's name", 120).split()),
        role=required(role, "their role at the school", 80),
        user=user,
        leader=leader,
        starts_on=starts_on,
    )
    with transaction.atomic():
        link.save()
        audit(actor, via, "brokerage.person_linked", link, establishment=establishment)
    return link


def record_conflict(
    *,
    actor,
    via,
    establishment,
    reason,
    leader=None,
    organisation=None,
) -> RecordedConflict:
    """Record that a leader or organisation has a conflict of interest with a school."""
    require(actor, via, access.can_manage(actor, establishment.la_id), MANAGE)
    if (leader is None) == (organisation is None):
        raise Refused("Choose either a leader or an organisation")
    conflict = RecordedConflict(
        establishment=establishment,
        leader=leader,
        organisation=organisation,
        reason=required(reason, "the reason it is a conflict"),
        recorded_by=user_of(actor),
        recorded_at=now(),
    )
    with transaction.atomic():
        conflict.save()
        audit(actor, via, "brokerage.conflict_recorded", conflict, establishment=establishment)
    return conflict
