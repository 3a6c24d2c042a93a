"""Changing what an officer set up: a provider (its approval and due diligence), a grant
scheme, a traded service and its packages. Each change is checked against the version the
officer's form showed (StaleVersion if someone changed it first), written in one transaction
and audited with what changed and the reason. Setting up is in each area's services
(commissions, grants, traded)."""

from datetime import date

from django.db import IntegrityError, transaction

from uplift.commissioning.common import (
    apply_changes,
    check_may_keep,
    event,
    locked_at,
    required,
    worded,
)
from uplift.commissioning.models import (
    ApplicationStatus,
    GrantScheme,
    Package,
    Provider,
    ProviderKind,
    TradedService,
)
from uplift.commissioning.traded.services import PACKAGE_FIELDS
from uplift.core.errors import Conflict, Refused

PROVIDER_LABELS = {
    "name": "Name",
    "kind": "Kind",
    "approved": "Approved",
    "due_diligence_on": "Due diligence done",
    "due_diligence_due": "Next due diligence",
}
SCHEME_LABELS = {
    "name": "Name",
    "description": "Description",
    "criteria": "Criteria",
    "max_award_pence": "Largest award",
    "closes_on": "Closes",
    "conditions": "Conditions",
}
SERVICE_LABELS = {"name": "Name", "description": "Description"}
PACKAGE_LABELS = {
    "name": "Name",
    "level": "Level",
    "price_pence": "Price",
    "adviser_sessions": "Adviser sessions",
    "training_places": "Training places",
    "helpline": "Helpline",
    "clerking": "Clerking",
    "other": "Also includes",
}


def _save(record, duplicate: str) -> None:
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        raise Conflict(duplicate) from None


@transaction.atomic
def update_provider(
    *,
    actor,
    via,
    provider: Provider,
    name: str,
    kind: str,
    approved: bool,
    due_diligence_on: date | None,
    due_diligence_due: date | None,
    version: int,
    reason: str,
) -> Provider:
    check_may_keep(actor, via, provider.la_id)
    current = locked_at(Provider, provider, version)
    if kind not in ProviderKind.values:
        raise Refused(f"Choose what kind of provider this is (not {kind!r})")
    if approved and due_diligence_on is None:
        raise Refused("Enter when due diligence was done before approving the provider")
    if due_diligence_on and due_diligence_due and due_diligence_due < due_diligence_on:
        raise Refused("The next due diligence must be after the last")
    changes = apply_changes(
        current,
        {
            "name": required(name, "the provider's name", limit=160),
            "kind": kind,
            "approved": approved,
            "due_diligence_on": due_diligence_on,
            "due_diligence_due": due_diligence_due,
        },
        PROVIDER_LABELS,
        worded,
    )
    _save(current, f"There is already a provider called {current.name}")
    event(
        actor,
        via,
        "provider.changed",
        current,
        la=current.la,
        changes=changes,
        reason=required(reason, "the reason for the change"),
    )
    return current


@transaction.atomic
def update_scheme(
    *,
    actor,
    via,
    scheme: GrantScheme,
    name: str,
    criteria: list[str],
    max_award_pence: int,
    closes_on: date,
    description: str = "",
    conditions: str = "",
    version: int,
    reason: str,
) -> GrantScheme:
    """Change a scheme. Its criteria stay as they are once an application is decided
    against them; its largest award cannot fall below an award already made."""
    check_may_keep(actor, via, scheme.la_id)
    current = locked_at(GrantScheme, scheme, version)
    criteria = [c.strip() for c in criteria if c.strip()]
    if not criteria:
        raise Refused("Give the scheme at least one criterion")
    if isinstance(max_award_pence, bool) or not isinstance(max_award_pence, int):
        raise Refused("Enter the largest award in pounds")
    if max_award_pence <= 0:
        raise Refused("Enter the largest award, more than £0.00")
    decided = current.applications.exclude(status=ApplicationStatus.SUBMITTED)
    if criteria != current.criteria and decided.exists():
        raise Conflict(
            "Applications have been decided against these criteria: set up a new scheme to "
            "change them"
        )
    largest = max(
        decided.values_list("awarded_pence", flat=True).exclude(awarded_pence=None), default=0
    )
    if max_award_pence < largest:
        raise Conflict(f"The scheme has already awarded {worded('x_pence', largest)}")
    changes = apply_changes(
        current,
        {
            "name": required(name, "the scheme's name", limit=160),
            "description": (description or "").strip(),
            "criteria": criteria,
            "max_award_pence": max_award_pence,
            "closes_on": closes_on,
            "conditions": (conditions or "").strip(),
        },
        SCHEME_LABELS,
        worded,
    )
    current.save()
    event(
        actor,
        via,
        "grant_scheme.changed",
        current,
        la=current.la,
        changes=changes,
        reason=required(reason, "the reason for the change"),
    )
    return current


@transaction.atomic
def update_service(
    *, actor, via, service: TradedService, name: str, description: str, version: int, reason: str
) -> TradedService:
    check_may_keep(actor, via, service.la_id)
    current = locked_at(TradedService, service, version)
    changes = apply_changes(
        current,
        {
            "name": required(name, "the service's name", limit=160),
            "description": (description or "").strip(),
        },
        SERVICE_LABELS,
        worded,
    )
    _save(current, f"There is already a service called {current.name}")
    event(
        actor,
        via,
        "traded_service.changed",
        current,
        la=current.la,
        changes=changes,
        reason=required(reason, "the reason for the change"),
    )
    return current


def _package_values(values: dict) -> dict:
    wanted = {k: values[k] for k in PACKAGE_FIELDS if k in values}
    wanted["name"] = required(wanted.get("name", ""), "the package's name", limit=60)
    wanted["other"] = (wanted.get("other") or "").strip()
    if len(wanted["other"]) > 300:
        raise Refused("Keep what else the package includes to 300 characters")
    for field in ("level", "price_pence", "adviser_sessions", "training_places"):
        value = wanted.get(field, 0)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise Refused(f"Enter the {PACKAGE_LABELS[field].lower()} as a whole number")
    if wanted.get("level", 0) < 1:
        raise Refused("Give the package a level of 1 or more (higher includes more)")
    return wanted


@transaction.atomic
def add_package(*, actor, via, service: TradedService, values: dict, reason: str) -> Package:
    check_may_keep(actor, via, service.la_id)
    package = Package(service=service, **_package_values(values))
    _save(package, f"{service.name} already has a package called {package.name} or at that level")
    event(
        actor,
        via,
        "traded_service.package_added",
        service,
        la=service.la,
        changes={
            "package": [None, package.name],
            "price": [None, worded("p_pence", package.price_pence)],
        },
        reason=required(reason, "the reason for the change"),
    )
    return package


@transaction.atomic
def update_package(
    *, actor, via, package: Package, values: dict, version: int, reason: str
) -> Package:
    """Change a package; subscriptions already sold keep the price they were sold at."""
    check_may_keep(actor, via, package.service.la_id)
    current = locked_at(Package, package, version)
    changes = apply_changes(current, _package_values(values), PACKAGE_LABELS, worded)
    _save(current, f"The service already has a package called {current.name} or at that level")
    event(
        actor,
        via,
        "traded_service.package_changed",
        package.service,
        la=package.service.la,
        changes={f"{current.name}: {label}": value for label, value in changes.items()},
        reason=required(reason, "the reason for the change"),
    )
    return current
