"""Changes to an LA's casework calendar: its settings (default periods, in working days) and
its school holidays. Each runs in one transaction with its audit event, for the LA's
officers and system administrators only (uplift.accounts.access.casework_las).

A change here never moves a deadline already served: notices keep the deadline computed on
the day they were issued."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from uplift.audit.services import diff, record_event, snapshot
from uplift.casework import access
from uplift.casework.models import CaseworkSettings, SchoolHoliday
from uplift.core.dates import long_date
from uplift.core.errors import Conflict, NotAllowed, Refused
from uplift.schools.models import LocalAuthority

MIN_PERIOD, MAX_PERIOD = 1, 60
SETTINGS_FIELDS = ["compliance_working_days", "action_plan_working_days"]
HOLIDAY_FIELDS = ["la", "name", "starts_on", "ends_on"]
NAME_MAX_LENGTH = SchoolHoliday._meta.get_field("name").max_length


class HolidayOverlaps(Conflict):
    """The new holiday shares days with one the LA already has."""


def _check_la(actor, la) -> None:
    if not access.casework_las(actor).filter(pk=la.pk).exists():
        raise NotAllowed(f"You cannot change the casework calendar of {la.name}")


def _reason(reason) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise Refused("Enter the reason for the change")
    return reason


def _period(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refused(f"The {what} must be a whole number of working days")
    if not MIN_PERIOD <= value <= MAX_PERIOD:
        raise Refused(
            f"The {what} must be from {MIN_PERIOD} to {MAX_PERIOD} working days "
            f"(you entered {value})"
        )
    return value


def _history(instance, actor, reason: str) -> None:
    if actor is not None and actor.is_authenticated:
        instance._history_user = actor
    instance._change_reason = reason


def update_casework_settings(
    *,
    actor,
    via: str,
    la,
    compliance_working_days: int,
    action_plan_working_days: int,
    reason: str,
) -> CaseworkSettings:
    """Set the LA's default compliance period of a warning notice and the default time a
    school has to send its action plan at pre-warning, each 1 to 60 working days."""
    _check_la(actor, la)
    reason = _reason(reason)
    compliance = _period(compliance_working_days, "compliance period")
    action_plan = _period(action_plan_working_days, "time to send an action plan")
    with transaction.atomic():
        LocalAuthority.objects.select_for_update().get(pk=la.pk)
        settings = CaseworkSettings.objects.filter(la=la).first()
        created = settings is None
        if created:
            settings = CaseworkSettings(la=la)
        before = {} if created else snapshot(settings, SETTINGS_FIELDS)
        if not created and (
            settings.compliance_working_days == compliance
            and settings.action_plan_working_days == action_plan
        ):
            raise Conflict("These are already the LA's settings: nothing to change")
        settings.compliance_working_days = compliance
        settings.action_plan_working_days = action_plan
        settings.updated_at = timezone.now()
        settings.updated_by = actor if actor is not None and actor.is_authenticated else None
        _history(settings, actor, reason)
        settings.save()
        record_event(
            actor=actor,
            via=via,
            action="casework.settings_updated",
            obj=settings,
            changes=diff(before, snapshot(settings, SETTINGS_FIELDS)),
            reason=reason,
            la=la,
        )
    return settings


def add_school_holiday(
    *, actor, via: str, la, name: str, starts_on: date, ends_on: date, reason: str
) -> SchoolHoliday:
    """Add a school holiday (first and last day included). It may not end before it starts
    nor share a day with another of the LA's holidays."""
    _check_la(actor, la)
    reason = _reason(reason)
    name = " ".join((name or "").split())
    if not name:
        raise Refused("Enter the name of the holiday")
    if len(name) > NAME_MAX_LENGTH:
        raise Refused(f"The name must be {NAME_MAX_LENGTH} characters or fewer")
    if not isinstance(starts_on, date) or not isinstance(ends_on, date):
        raise Refused("Enter the holiday's first and last days")
    if ends_on < starts_on:
        raise Refused(
            f"The holiday cannot end ({long_date(ends_on)}) before it starts "
            f"({long_date(starts_on)})"
        )
    with transaction.atomic():
        LocalAuthority.objects.select_for_update().get(pk=la.pk)
        clash = (
            SchoolHoliday.objects.filter(la=la, starts_on__lte=ends_on, ends_on__gte=starts_on)
            .order_by("starts_on")
            .first()
        )
        if clash is not None:
            raise HolidayOverlaps(
                f"The holiday overlaps {clash.name} ({long_date(clash.starts_on)} to "
                f"{long_date(clash.ends_on)}): an LA's holidays may not share a day"
            )
        holiday = SchoolHoliday(la=la, name=name, starts_on=starts_on, ends_on=ends_on)
        _history(holiday, actor, reason)
        holiday.save()
        record_event(
            actor=actor,
            via=via,
            action="casework.school_holiday_added",
            obj=holiday,
            changes=diff({}, snapshot(holiday, HOLIDAY_FIELDS)),
            reason=reason,
            la=la,
        )
    return holiday


def remove_school_holiday(*, actor, via: str, holiday: SchoolHoliday, reason: str) -> None:
    """Remove a school holiday. Deadlines already computed keep their dates."""
    _check_la(actor, holiday.la)
    reason = _reason(reason)
    with transaction.atomic():
        locked = SchoolHoliday.objects.select_for_update().filter(pk=holiday.pk).first()
        if locked is None:
            raise Conflict(f"{holiday.name} has already been removed")
        before = snapshot(locked, HOLIDAY_FIELDS)
        record_event(
            actor=actor,
            via=via,
            action="casework.school_holiday_removed",
            obj=locked,
            changes=diff(before, {}),
            reason=reason,
            la=locked.la,
        )
        _history(locked, actor, reason)
        locked.delete()
