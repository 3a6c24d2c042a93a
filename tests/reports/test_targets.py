"""Targets: the LA's figure, the threshold and the gap, the top quartile against statistical
neighbours worked out by hand, and the service that sets targets (scope, rules, audit)."""

from datetime import date
from decimal import Decimal

import pytest

from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import NotAllowed, Refused
from uplift.performance.models import Dataset, Level, Measure, Polarity, Result
from uplift.reports import services
from uplift.reports.models import Comparison, ReportTarget, TargetMeasure
from uplift.reports.targets import targets_report
from uplift.schools.models import Establishment, LocalAuthority, StatisticalNeighbour

AS_AT = date(2026, 5, 31)
# Hertfordshire 50.0 and its ten neighbours, in the latest edition: 11 LAs, so the top
# quartile is the first ceil(11 / 4) = 3 places and its boundary the third figure, 55.0.
# Four LAs do better than Hertfordshire: it ranks 5th, 5.0 short of the boundary.
NEIGHBOUR_FIGURES = [60, 58, 55, 52, 49, 47, 45, 44, 40, 38]


@pytest.fixture
def neighbours(herts):
    las = [LocalAuthority.objects.create(code=str(800 + n), name=f"LA {n}") for n in range(10)]
    old = LocalAuthority.objects.create(code="799", name="Old neighbour")
    StatisticalNeighbour.objects.create(la=herts, neighbour=old, rank=1, edition="2019")
    for rank, la in enumerate(las, start=1):
        StatisticalNeighbour.objects.create(la=herts, neighbour=la, rank=rank, edition="2025")
    return las, old


def add_measure(code: str, polarity: str, figures: dict, year: str = "2024") -> Measure:
    measure = Measure.objects.create(
        code=code,
        dataset=Dataset.LAIT,
        source_column=code,
        label=code,
        polarity=polarity,
        decimal_places=1,
    )
    for la, value in figures.items():
        Result.objects.create(
            measure=measure,
            academic_year=year,
            level=Level.LA,
            subject_key=f"la:{la.code}",
            la=la,
            value=Decimal(value),
        )
    return measure


def target(la, **values) -> ReportTarget:
    return ReportTarget.objects.create(la=la, **values)


def test_top_quartile_against_neighbours(herts, neighbours):
    las, old = neighbours
    figures = {herts: 50, old: 99, **dict(zip(las, NEIGHBOUR_FIGURES, strict=True))}
    measure = add_measure("lait.KS4", Polarity.HIGHER_IS_BETTER, figures)
    add_measure("lait.OTHER", Polarity.HIGHER_IS_BETTER, {herts: 1}, year="2025")
    target(
        herts,
        name="Top quartile",
        measure=TargetMeasure.INDICATOR,
        indicator=measure,
        comparison=Comparison.TOP_QUARTILE,
    )
    status = targets_report(la=herts, schools=Establishment.objects.all(), as_at=AS_AT).statuses[0]
    assert status.period == "2024"
    assert (status.value, status.threshold, status.margin) == (
        Decimal("50.0"),
        Decimal("55.0"),
        Decimal("-5.0"),
    )
    assert status.met is False
    assert (status.rank, status.ranking.of, status.ranking.top_places) == (5, 11, 3)
    assert status.ranking.edition == "2025"  # the old edition's neighbour is not ranked
    assert [entry.value for entry in status.ranking.ranked][:3] == [60, 58, 55]


def test_lower_is_better_ranks_the_other_way(herts, neighbours):
    las, _ = neighbours
    figures = {herts: 4, **dict(zip(las, [3, 5, 6, 7, 8, 9, 9, 9, 9, 9], strict=True))}
    measure = add_measure("lait.ABSENCE", Polarity.LOWER_IS_BETTER, figures)
    target(
        herts,
        name="Low absence",
        measure=TargetMeasure.INDICATOR,
        indicator=measure,
        comparison=Comparison.TOP_QUARTILE,
    )
    status = targets_report(la=herts, schools=Establishment.objects.all(), as_at=AS_AT).statuses[0]
    # 3.0, 4.0 (Herts), 5.0 are the top three places: the boundary is 5.0, Herts 1.0 inside.
    assert (status.rank, status.threshold, status.margin, status.met) == (
        2,
        Decimal("5.0"),
        Decimal("1.0"),
        True,
    )


def test_ties_share_a_rank(herts, neighbours):
    las, _ = neighbours
    figures = {herts: 55, **dict(zip(las, NEIGHBOUR_FIGURES, strict=True))}
    measure = add_measure("lait.TIE", Polarity.HIGHER_IS_BETTER, figures)
    target(
        herts,
        name="Tie",
        measure=TargetMeasure.INDICATOR,
        indicator=measure,
        comparison=Comparison.TOP_QUARTILE,
    )
    status = targets_report(la=herts, schools=Establishment.objects.all(), as_at=AS_AT).statuses[0]
    assert (status.rank, status.margin, status.met) == (3, Decimal("0.0"), True)


def test_a_value_target_for_a_year(herts):
    measure = add_measure("lait.PA", Polarity.LOWER_IS_BETTER, {herts: "18.24"}, year="2023")
    Result.objects.create(
        measure=measure,
        academic_year="2024",
        level=Level.LA,
        subject_key="la:919",
        la=herts,
        value=Decimal("16"),
    )
    target(
        herts,
        name="Absence 2023",
        measure=TargetMeasure.INDICATOR,
        indicator=measure,
        academic_year="2023",
        comparison=Comparison.AT_MOST,
        value=Decimal("17.5"),
    )
    target(
        herts,
        name="Absence latest",
        measure=TargetMeasure.INDICATOR,
        indicator=measure,
        comparison=Comparison.AT_MOST,
        value=Decimal("17.5"),
    )
    year_2023, latest = targets_report(
        la=herts, schools=Establishment.objects.all(), as_at=AS_AT
    ).statuses
    assert (year_2023.value, year_2023.margin, year_2023.met) == (
        Decimal("18.2"),
        Decimal("-0.7"),
        False,
    )
    assert (latest.period, latest.value, latest.margin, latest.met) == (
        "2024",
        Decimal("16.0"),
        Decimal("1.5"),
        True,
    )


def test_schools_good_or_better(herts, make_school, inspect):
    for urn, grade in enumerate([1, 2, 2, 3]):
        inspect(make_school(urn + 1, herts), date(2022, 1, 1), grade=grade)
    make_school(9, herts)  # never inspected: not part of the share
    target(
        herts,
        name="75% good",
        measure=TargetMeasure.SCHOOLS_GOOD_OR_BETTER,
        comparison=Comparison.AT_LEAST,
        value=Decimal("80"),
    )
    status = targets_report(la=herts, schools=Establishment.objects.all(), as_at=AS_AT).statuses[0]
    assert (status.value, status.threshold, status.margin, status.met) == (
        Decimal("75.0"),
        Decimal("80.0"),
        Decimal("-5.0"),
        False,
    )
    assert status.period == "2026-05-31"


@pytest.mark.parametrize("targets", [1, 12])
def test_a_bounded_number_of_queries(
    herts, neighbours, make_school, inspect, targets, django_assert_max_num_queries
):
    las, _ = neighbours
    for n in range(targets):
        measure = add_measure(f"lait.M{n}", Polarity.HIGHER_IS_BETTER, {herts: 1, las[0]: 2})
        target(
            herts,
            name=f"Q{n}",
            measure=TargetMeasure.INDICATOR,
            indicator=measure,
            comparison=Comparison.TOP_QUARTILE,
        )
        target(
            herts,
            name=f"G{n}",
            measure=TargetMeasure.PUPILS_GOOD_OR_BETTER,
            comparison=Comparison.AT_LEAST,
            value=Decimal(75),
        )
        inspect(make_school(100 + n, herts), date(2020, 1, 1), grade=2)
    with django_assert_max_num_queries(4):
        report = targets_report(la=herts, schools=Establishment.objects.all(), as_at=AS_AT)
    assert len(report.statuses) == 2 * targets


# The service


def test_an_officer_sets_a_target_with_an_audit_event(herts, personas):
    made = services.create_target(
        actor=personas["la.officer"],
        via=Via.WEB,
        la=herts,
        name="  Good   or better ",
        measure=TargetMeasure.SCHOOLS_GOOD_OR_BETTER,
        comparison=Comparison.AT_LEAST,
        value=Decimal(75),
    )
    assert made.name == "Good or better"
    event = AuditEvent.objects.get(action="report_target.created")
    assert (event.la, event.actor, event.changes["value"]) == (
        herts,
        personas["la.officer"],
        [None, "75"],
    )
    services.delete_target(actor=personas["la.officer"], via=Via.WEB, target=made)
    assert not ReportTarget.objects.exists()
    assert AuditEvent.objects.filter(
        action="report_target.deleted", object_id=str(made.pk)
    ).exists()


@pytest.mark.parametrize("username", ["data.officer", "adviser", "headteacher", "dfe.viewer"])
def test_other_roles_cannot_set_targets(herts, personas, username):
    with pytest.raises(NotAllowed):
        services.create_target(
            actor=personas[username],
            via=Via.WEB,
            la=herts,
            name="T",
            measure=TargetMeasure.SCHOOLS_GOOD_OR_BETTER,
            comparison=Comparison.AT_LEAST,
            value=Decimal(75),
        )
    assert not ReportTarget.objects.exists() and not AuditEvent.objects.exists()


def test_an_officer_cannot_set_another_las_targets(essex, personas):
    with pytest.raises(NotAllowed):
        services.create_target(
            actor=personas["la.officer"],
            via=Via.WEB,
            la=essex,
            name="T",
            measure=TargetMeasure.SCHOOLS_GOOD_OR_BETTER,
            comparison=Comparison.AT_LEAST,
            value=Decimal(75),
        )


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"value": Decimal(120)}, "between 0 and 100"),
        ({"value": None}, "Enter the value"),
        ({"comparison": Comparison.TOP_QUARTILE, "value": None}, "not with neighbours"),
        ({"phase_group": "16_plus"}, "not a phase"),
        ({"measure": TargetMeasure.INDICATOR, "indicator_code": "lait.NONE"}, "no indicator"),
        (
            {
                "measure": TargetMeasure.INDICATOR,
                "indicator_code": "lait.NEUTRAL",
                "comparison": Comparison.TOP_QUARTILE,
                "value": None,
            },
            "no top quartile",
        ),
        ({"name": " "}, "Enter the target's name"),
    ],
)
def test_targets_that_break_a_rule_are_refused(herts, personas, values, message):
    add_measure("lait.NEUTRAL", Polarity.NEUTRAL, {herts: 1})
    chosen = {
        "name": "Target",
        "measure": TargetMeasure.SCHOOLS_GOOD_OR_BETTER,
        "comparison": Comparison.AT_LEAST,
        "value": Decimal(75),
        **values,
    }
    with pytest.raises(Refused, match=message):
        services.create_target(actor=personas["la.officer"], via=Via.WEB, la=herts, **chosen)
    assert not ReportTarget.objects.exists()


def test_two_targets_of_an_la_cannot_share_a_name(herts, personas):
    chosen = {
        "actor": personas["la.officer"],
        "via": Via.WEB,
        "la": herts,
        "name": "Same",
        "measure": TargetMeasure.SCHOOLS_GOOD_OR_BETTER,
        "comparison": Comparison.AT_LEAST,
        "value": Decimal(75),
    }
    services.create_target(**chosen)
    with pytest.raises(Refused, match="already has a target"):
        services.create_target(**chosen)
    assert ReportTarget.objects.count() == 1 and AuditEvent.objects.count() == 1
