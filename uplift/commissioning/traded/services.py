"""Traded services: the catalogue (a service and its packages), the policy of which package
schools in a category are expected to buy, each school's subscription in a year (offered,
bought or declined, at a price), and its use of what the package includes."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from uplift.commissioning.common import check_may_keep, event, required, user_or_none
from uplift.commissioning.models import (
    Package,
    PackageExpectation,
    Subscription,
    SubscriptionStatus,
    TradedService,
    TrainingRecord,
    Usage,
    UsageKind,
)
from uplift.commissioning.traded.feedback import ask_about_usage
from uplift.core.errors import Conflict, Refused, StaleVersion
from uplift.funds.money import pounds
from uplift.support.visits.entitlement import academic_year_of, parse_academic_year

PACKAGE_FIELDS = (
    "name",
    "level",
    "price_pence",
    "adviser_sessions",
    "training_places",
    "helpline",
    "clerking",
    "other",
)


@transaction.atomic
def create_service(
    *,
    actor,
    via,
    la,
    name: str,
    packages: list[dict],
    description: str = "",
    is_sample: bool = False,
    reason: str,
) -> TradedService:
    """A service with its packages: dicts of PACKAGE_FIELDS (name, level and price needed)."""
    check_may_keep(actor, via, la.pk)
    if not packages:
        raise Refused("Give the service at least one package")
    try:
        with transaction.atomic():
            service = TradedService.objects.create(
                la=la,
                name=required(name, "the service's name", limit=160),
                description=description.strip(),
                is_sample=is_sample,
            )
            Package.objects.bulk_create(
                Package(service=service, **{k: v for k, v in p.items() if k in PACKAGE_FIELDS})
                for p in packages
            )
    except IntegrityError:
        raise Conflict(
            f"{la.name} already has a service called {name.strip()}, or two packages share "
            "a name or a level"
        ) from None
    event(
        actor,
        via,
        "traded_service.created",
        service,
        la=la,
        changes={"name": [None, service.name], "Packages": [None, [p["name"] for p in packages]]},
        reason=required(reason, "why the service is added"),
    )
    return service


@transaction.atomic
def expect_package(
    *, actor, via, service: TradedService, categories: list[str], package: Package, reason: str
) -> PackageExpectation:
    """Set the policy: schools in `categories` are expected to buy `package` or better."""
    check_may_keep(actor, via, service.la_id)
    if package.service_id != service.pk:
        raise Refused(f"{package.name} is not a package of {service.name}")
    categories = [c.strip() for c in categories if c.strip()]
    if not categories:
        raise Refused("Choose the categories the expectation applies to")
    PackageExpectation.objects.filter(service=service, package=package).delete()
    expectation = PackageExpectation.objects.create(
        service=service, categories=categories, package=package
    )
    event(
        actor,
        via,
        "traded_service.expectation_set",
        service,
        la=service.la,
        changes={"expected": [None, f"Category {' and '.join(categories)}: {package.name}"]},
        reason=required(reason, "why schools are expected to buy it"),
    )
    return expectation


def _check_subscription(service, establishment, academic_year, status, package):
    if establishment.la_id != service.la_id:
        raise Refused(f"{establishment.name} is not a school of {service.la.name}")
    try:
        parse_academic_year(academic_year)
    except ValueError as error:
        raise Refused(str(error)) from None
    if status not in SubscriptionStatus.values:
        raise Refused("Choose offered, bought or declined")
    if package is not None and package.service_id != service.pk:
        raise Refused(f"{package.name} is not a package of {service.name}")
    if status != SubscriptionStatus.DECLINED and package is None:
        raise Refused("Choose the package offered or bought")


@transaction.atomic
def record_subscription(
    *,
    actor,
    via,
    service: TradedService,
    establishment,
    academic_year: str,
    status: str,
    package: Package | None = None,
    price_pence: int | None = None,
    version: int | None = None,
    is_sample: bool = False,
    reason: str = "",
) -> Subscription:
    """Offer, sell or record a school declining a service for a year. The price defaults to
    the package's; a declined service costs nothing."""
    check_may_keep(actor, via, service.la_id)
    _check_subscription(service, establishment, academic_year, status, package)
    if status == SubscriptionStatus.DECLINED:
        price = 0
    else:
        price = package.price_pence if price_pence is None else price_pence
    if price < 0:
        raise Refused("The price cannot be below £0.00")
    current = (
        Subscription.objects.select_for_update()
        .filter(service=service, establishment=establishment, academic_year=academic_year)
        .first()
    )
    before = None
    if current is None:
        current = Subscription(
            service=service,
            establishment=establishment,
            academic_year=academic_year,
            version=0,
            is_sample=is_sample,
        )
    else:
        if version is not None and version != current.version:
            raise StaleVersion()
        before = f"{current.get_status_display()} {pounds(current.price_pence)}"
    current.status, current.package, current.price_pence = status, package, price
    current.version += 1
    current.updated_at = timezone.now()
    current.updated_by = user_or_none(actor)
    current.save()
    event(
        actor,
        via,
        f"subscription.{status}",
        current,
        la=service.la,
        establishment=establishment,
        changes={
            f"{service.name} {academic_year}": [
                before,
                f"{current.get_status_display()} {pounds(price)}",
            ]
        },
        reason=reason,
    )
    return current


@transaction.atomic
def record_usage(
    *, actor, via, subscription: Subscription, kind: str, used_on: date, note: str, quantity=1
) -> Usage:
    check_may_keep(actor, via, subscription.service.la_id)
    if kind not in UsageKind.values:
        raise Refused("Choose an adviser session or a training place")
    if subscription.status != SubscriptionStatus.BOUGHT:
        raise Conflict("Only a bought subscription is used")
    if not 0 < quantity <= 100:
        raise Refused("Enter how many were used, from 1 to 100")
    usage = Usage.objects.create(
        subscription=subscription,
        kind=kind,
        used_on=used_on,
        quantity=quantity,
        note=required(note, "what was used", limit=300),
        recorded_at=timezone.now(),
        recorded_by=user_or_none(actor),
    )
    event(
        actor,
        via,
        "subscription.used",
        subscription,
        la=subscription.service.la,
        establishment=subscription.establishment,
        changes={UsageKind(kind).label: [None, quantity]},
        reason=note,
    )
    ask_about_usage(actor=actor, via=via, usage=usage)
    return usage


@transaction.atomic
def record_training(
    *,
    actor,
    via,
    service: TradedService,
    establishment,
    course: str,
    held_on: date,
    places: int,
    is_sample: bool = False,
    reason: str = "",
) -> TrainingRecord:
    """Places a school took on one of the service's courses; they count against the
    training places of the school's subscription in that academic year."""
    check_may_keep(actor, via, service.la_id)
    if establishment.la_id != service.la_id:
        raise Refused(f"{establishment.name} is not a school of {service.la.name}")
    if not isinstance(held_on, date):
        raise Refused("Enter the date of the course")
    if isinstance(places, bool) or not isinstance(places, int) or not 0 < places <= 100:
        raise Refused("Enter how many places the school took, from 1 to 100")
    record = TrainingRecord.objects.create(
        service=service,
        establishment=establishment,
        course=required(course, "the course's name", limit=200),
        held_on=held_on,
        academic_year=academic_year_of(held_on),
        places=places,
        recorded_at=timezone.now(),
        recorded_by=user_or_none(actor),
        is_sample=is_sample,
    )
    event(
        actor,
        via,
        "subscription.training_recorded",
        record,
        la=service.la,
        establishment=establishment,
        changes={"training places": [None, f"{places} on {record.course}"]},
        reason=reason,
    )
    return record
