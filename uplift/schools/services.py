"""Changes people make to groups, memberships and advisers' schools.

Each service checks the actor's write scope (the app's access module), then writes the
change and its audit event in one transaction: a refused change writes nothing at all.
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Q

from uplift.accounts import access as accounts_access
from uplift.audit.services import diff, record_event, snapshot
from uplift.core.dates import long_date
from uplift.core.errors import Conflict, NotAllowed, Refused
from uplift.schools import access
from uplift.schools.models import GroupKind, GroupMembership, SchoolGroup

NAME_MAX_LENGTH = SchoolGroup._meta.get_field("name").max_length


def create_group(*, actor, via: str, la, kind: str, name: str, reason: str) -> SchoolGroup:
    if not access.can_manage_groups(actor, la):
        raise NotAllowed("You cannot create groups in this local authority")
    reason = _required_reason(reason)
    if kind not in GroupKind.values:
        raise Refused(f"{kind!r} is not a kind of group")
    name = _group_name(name)
    if SchoolGroup.objects.filter(kind=kind, name__iexact=name).exists():
        raise Conflict(f"There is already a {GroupKind(kind).label.lower()} called {name}")
    with transaction.atomic():
        group = SchoolGroup(la=la, kind=kind, name=name)
        try:
            with transaction.atomic():
                _save_with_history(group, actor, reason)
        except IntegrityError:
            raise Conflict(f"There is already a group called {name}") from None
        record_event(
            actor=actor,
            via=via,
            action="group.created",
            obj=group,
            changes=diff({}, snapshot(group, ["kind", "name", "la"])),
            reason=reason,
        )
    return group


def rename_group(*, actor, via: str, group: SchoolGroup, name: str, reason: str) -> SchoolGroup:
    if not access.can_manage_groups(actor, group.la):
        raise NotAllowed("You cannot change this group")
    reason = _required_reason(reason)
    name = _group_name(name)
    if name == group.name:
        raise Conflict("The new name is the same as the current one")
    clash = SchoolGroup.objects.filter(kind=group.kind, name__iexact=name).exclude(pk=group.pk)
    if clash.exists():
        raise Conflict(f"There is already a {group.get_kind_display().lower()} called {name}")
    with transaction.atomic():
        locked = SchoolGroup.objects.select_for_update().get(pk=group.pk)
        before = snapshot(locked, ["name"])
        locked.name = name
        _save_with_history(locked, actor, reason)
        record_event(
            actor=actor,
            via=via,
            action="group.renamed",
            obj=locked,
            changes=diff(before, snapshot(locked, ["name"])),
            reason=reason,
        )
    group.name = name
    return locked


def add_member(
    *, actor, via: str, group: SchoolGroup, establishment, joined_on: date, reason: str
) -> GroupMembership:
    """The school joins the group on `joined_on`. Refused while it has a membership of
    the group that has not ended before that day."""
    if not access.can_change_membership(actor, group=group, establishment=establishment):
        raise NotAllowed("You cannot change this school's groups")
    reason = _required_reason(reason)
    if joined_on is None:
        raise Refused("Enter the date the school joined")
    with transaction.atomic():
        overlapping = GroupMembership.objects.select_for_update().filter(
            Q(left_on__isnull=True) | Q(left_on__gte=joined_on),
            group=group,
            establishment=establishment,
        )
        if overlapping.exists():
            raise Conflict(f"{school_label(establishment)} is already a member on that date")
        membership = GroupMembership(group=group, establishment=establishment, joined_on=joined_on)
        try:
            with transaction.atomic():
                _save_with_history(membership, actor, reason)
        except IntegrityError:
            raise Conflict(f"{school_label(establishment)} already joined on that date") from None
        record_event(
            actor=actor,
            via=via,
            action="group.member_added",
            obj=group,
            establishment=establishment,
            changes={
                "member": [None, str(establishment)],
                "joined_on": [None, joined_on.isoformat()],
            },
            reason=reason,
        )
    return membership


def end_membership(
    *, actor, via: str, membership: GroupMembership, left_on: date, reason: str
) -> GroupMembership:
    """The school leaves the group on `left_on` (not before it joined)."""
    group, establishment = membership.group, membership.establishment
    if not access.can_change_membership(actor, group=group, establishment=establishment):
        raise NotAllowed("You cannot change this school's groups")
    reason = _required_reason(reason)
    if left_on is None:
        raise Refused("Enter the date the school left")
    with transaction.atomic():
        locked = GroupMembership.objects.select_for_update().get(pk=membership.pk)
        if locked.left_on is not None:
            raise Conflict(f"This membership already ended on {long_date(locked.left_on)}")
        if locked.joined_on is not None and left_on < locked.joined_on:
            raise Refused(
                f"The date the school left must be on or after it joined "
                f"({long_date(locked.joined_on)})"
            )
        before = snapshot(locked, ["left_on"])
        locked.left_on = left_on
        _save_with_history(locked, actor, reason)
        record_event(
            actor=actor,
            via=via,
            action="group.member_ended",
            obj=group,
            establishment=establishment,
            changes=diff(before, snapshot(locked, ["left_on"])),
            reason=reason,
        )
    membership.left_on = left_on
    return locked


def assign_school(*, actor, via: str, adviser, establishment, reason: str) -> None:
    """Add a school to an adviser's assigned schools (`adviser` is their Profile)."""
    _change_assignment(
        actor=actor, via=via, adviser=adviser, establishment=establishment, reason=reason, add=True
    )


def unassign_school(*, actor, via: str, adviser, establishment, reason: str) -> None:
    """Take a school off an adviser's assigned schools (`adviser` is their Profile)."""
    _change_assignment(
        actor=actor, via=via, adviser=adviser, establishment=establishment, reason=reason, add=False
    )


def _change_assignment(*, actor, via, adviser, establishment, reason, add: bool) -> None:
    allowed = (
        accounts_access.assignable_advisers(actor).filter(pk=adviser.pk).exists()
        and access.editable_establishments(actor).filter(pk=establishment.pk).exists()
    )
    if not allowed:
        raise NotAllowed("You cannot change this adviser's schools")
    reason = _required_reason(reason)
    if add and adviser.la_id and establishment.la_id != adviser.la_id:
        raise Refused(f"{school_label(establishment)} is not in the adviser's local authority")
    with transaction.atomic():
        assigned = adviser.assigned_establishments
        before = sorted(assigned.values_list("urn", flat=True))
        if add == (establishment.urn in before):
            state = "already" if add else "not"
            raise Refused(f"{school_label(establishment)} is {state} assigned to this adviser")
        (assigned.add if add else assigned.remove)(establishment)
        after = sorted({*before, establishment.urn} if add else set(before) - {establishment.urn})
        record_event(
            actor=actor,
            via=via,
            action="adviser.school_assigned" if add else "adviser.school_unassigned",
            obj=adviser,
            establishment=establishment,
            changes={"assigned_establishments": [before, after]},
            reason=reason,
        )


def _required_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise Refused("Enter the reason for the change")
    return reason


def _group_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise Refused("Enter the group's name")
    if len(name) > NAME_MAX_LENGTH:
        raise Refused(f"The group's name must be {NAME_MAX_LENGTH} characters or fewer")
    return name


def school_label(establishment) -> str:
    """How messages name a school (some registers have no name for it)."""
    return f"{establishment.name or 'The school'} (URN {establishment.urn})"


def _save_with_history(instance, actor, reason: str) -> None:
    """Save, telling simple-history who and why (the CLI has no request to read them from)."""
    if actor is not None and actor.is_authenticated:
        instance._history_user = actor
    instance._change_reason = reason
    instance.save()
