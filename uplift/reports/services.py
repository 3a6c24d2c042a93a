"""Setting and removing an LA's report targets. Each change checks the actor's scope
(the app's access module), then writes itself and its audit event in one transaction."""

from decimal import Decimal

from django.db import IntegrityError, transaction

from uplift.audit.services import NO_REASON_ASKED, diff, record_event, snapshot
from uplift.core.errors import Conflict, NotAllowed, Refused
from uplift.performance.models import Level, Measure, Result
from uplift.reports import access
from uplift.reports.as_at import REPORTED_PHASES
from uplift.reports.models import OFSTED_MEASURES, Comparison, ReportTarget, TargetMeasure
from uplift.reports.targets import LA_SEGMENTS, RANKED_POLARITIES

TARGET_FIELDS = [
    "name",
    "measure",
    "phase_group",
    "indicator",
    "academic_year",
    "comparison",
    "value",
]


def create_target(
    *,
    actor,
    via: str,
    la,
    name: str,
    measure: str,
    comparison: str,
    value: Decimal | None = None,
    phase_group: str = "",
    indicator_code: str = "",
    academic_year: str = "",
) -> ReportTarget:
    if not access.can_set_report_targets(actor, la):
        raise NotAllowed("You cannot set targets for this local authority")
    target = ReportTarget(
        la=la,
        name=" ".join(name.split()),
        measure=measure,
        comparison=comparison,
        value=value,
        phase_group=phase_group,
        academic_year=academic_year.strip(),
    )
    _check(target, indicator_code.strip())
    with transaction.atomic():
        try:
            with transaction.atomic():
                target.save()
        except IntegrityError:
            raise Conflict(f"{la.name} already has a target called {target.name}") from None
        record_event(
            actor=actor,
            via=via,
            action="report_target.created",
            obj=target,
            changes=diff({}, snapshot(target, TARGET_FIELDS)),
            la=la,
            reason=NO_REASON_ASKED,
        )
    return target


def delete_target(*, actor, via: str, target: ReportTarget) -> None:
    if not access.can_set_report_targets(actor, target.la):
        raise NotAllowed("You cannot change this local authority's targets")
    with transaction.atomic():
        locked = ReportTarget.objects.select_for_update().get(pk=target.pk)
        record_event(
            actor=actor,
            via=via,
            action="report_target.deleted",
            obj=locked,
            changes=diff(snapshot(locked, TARGET_FIELDS), {}),
            la=target.la,
            reason=NO_REASON_ASKED,
        )
        locked.delete()


def _check(target: ReportTarget, indicator_code: str) -> None:
    if not target.name:
        raise Refused("Enter the target's name")
    if len(target.name) > ReportTarget._meta.get_field("name").max_length:
        raise Refused("The name must be 200 characters or fewer")
    if target.measure not in TargetMeasure.values:
        raise Refused(f"{target.measure!r} is not a measure targets can use")
    if target.comparison not in Comparison.values:
        raise Refused(f"{target.comparison!r} is not a comparison")
    quartile = target.comparison == Comparison.TOP_QUARTILE
    if quartile and target.value is not None:
        raise Refused("A top quartile target has no value: its neighbours set it")
    if not quartile and target.value is None:
        raise Refused("Enter the value to reach")
    if target.measure in OFSTED_MEASURES:
        _check_ofsted(target)
    else:
        _check_indicator(target, indicator_code)


def _check_ofsted(target: ReportTarget) -> None:
    if target.comparison == Comparison.TOP_QUARTILE:
        raise Refused("Ofsted measures are compared with a value, not with neighbours")
    if target.phase_group and target.phase_group not in REPORTED_PHASES:
        raise Refused(f"{target.phase_group!r} is not a phase LA reports use")
    if not Decimal(0) <= target.value <= Decimal(100):
        raise Refused("A percentage target must be between 0 and 100")
    if target.academic_year:
        raise Refused("Ofsted targets are measured on the report's date, not a year")


def _check_indicator(target: ReportTarget, code: str) -> None:
    if target.phase_group:
        raise Refused("Indicator targets are for the whole LA, not one phase")
    if not code:
        raise Refused("Choose the indicator")
    measure = Measure.objects.filter(code=code).first()
    if measure is None:
        raise Refused(f"There is no indicator {code!r}")
    has_la_figures = Result.objects.filter(
        measure=measure, level=Level.LA, segment__in=LA_SEGMENTS
    ).exists()
    if not has_la_figures:
        raise Refused(f"{measure.label} has no LA figures to compare")
    if target.comparison == Comparison.TOP_QUARTILE and measure.polarity not in RANKED_POLARITIES:
        raise Refused(f"{measure.label} is neither better high nor low, so it has no top quartile")
    target.indicator = measure
