"""Recording a school's contacts (head, chair, clerk, business manager): one transaction,
one audit event listing what changed, and a version check so that two people editing at
once never lose a change."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from uplift.accounts.access import grants_of, is_system_admin
from uplift.accounts.models import Role
from uplift.audit.services import record_event
from uplift.core.errors import Conflict, NotAllowed, Refused, StaleVersion
from uplift.schools.models import ContactKind, Establishment, SchoolContact

FIELDS = ("title", "first_name", "last_name", "email")


def can_edit_contacts(user, establishment: Establishment) -> bool:
    """The school's LA officers and LA administrators, its own headteacher, and system
    administrators."""
    if is_system_admin(user):
        return True
    for grant in grants_of(user):
        if grant.role in (Role.LA_OFFICER, Role.LA_ADMIN) and grant.la_id == establishment.la_id:
            return True
        if grant.role == Role.HEADTEACHER and grant.establishment_id == establishment.pk:
            return True
    return False


def contacts_of(establishment: Establishment) -> dict[str, SchoolContact]:
    """Every kind of contact, recorded or blank (unsaved, version 0)."""
    found = {c.kind: c for c in establishment.contacts.all()}
    return {
        kind: found.get(kind) or SchoolContact(establishment=establishment, kind=kind, version=0)
        for kind in ContactKind.values
    }


def _cleaned(kind: str, given: dict) -> dict:
    if kind not in ContactKind.values:
        raise Refused(f"Unknown kind of contact: {kind}")
    values = {name: (given.get(name) or "").strip() for name in FIELDS}
    values["email"] = values["email"].lower()
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            label = ContactKind(kind).label.lower()
            raise Refused(f"Enter the {label}'s email address like name@example.org") from None
    return values


def _save_one(establishment, kind: str, row, values: dict, changes: dict) -> None:
    before = {name: getattr(row, name) for name in FIELDS} if row else dict.fromkeys(FIELDS, "")
    for name in FIELDS:
        if before[name] != values[name]:
            changes[f"{kind}.{name}"] = [before[name] or None, values[name] or None]
    if before == values:
        return
    if row is None:
        SchoolContact.objects.create(establishment=establishment, kind=kind, **values)
    else:
        SchoolContact.objects.filter(pk=row.pk).update(**values, version=row.version + 1)


@transaction.atomic
def save_contacts(*, actor, via: str, establishment: Establishment, contacts: dict, reason: str):
    """contacts: {kind: {"title", "first_name", "last_name", "email", "version"}} for the
    kinds being saved; `version` is the one the page showed (0 for none recorded)."""
    if not can_edit_contacts(actor, establishment):
        raise NotAllowed("Only the school's LA officers and headteacher can change its contacts")
    if not (reason or "").strip():
        raise Refused("Enter the reason for the change")
    current = {
        c.kind: c
        for c in SchoolContact.objects.select_for_update().filter(establishment=establishment)
    }
    changes = {}
    for kind, given in contacts.items():
        values = _cleaned(kind, given)
        row = current.get(kind)
        if int(given.get("version") or 0) != (row.version if row else 0):
            raise StaleVersion()
        _save_one(establishment, kind, row, values, changes)
    if not changes:
        raise Conflict("Nothing to change: the contacts are as recorded")
    record_event(
        actor=actor,
        via=via,
        action="school.contacts_changed",
        obj=establishment,
        establishment=establishment,
        changes=changes,
        reason=reason.strip(),
    )
