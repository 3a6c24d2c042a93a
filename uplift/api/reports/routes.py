"""LA reports: the same selectors as the report pages and their CSV, as JSON. An LA (or a
categorisation round) the caller cannot see answers 404, like a missing one. A report is
one object, not paginated, except the priority school list, a paginated list. Percentages
and figures are numbers, or null when there is none."""

from decimal import Decimal

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router

from uplift.api.errors import ERROR_RESPONSES
from uplift.api.pagination import Page, PageParams, paginate
from uplift.api.reports.schemas import (
    AsAtQuery,
    AttainmentOut,
    AttainmentQuery,
    CategoriesOut,
    KeyStage,
    LaRecordOut,
    LaRecordQuery,
    OfstedSummaryOut,
    PhaseChoice,
    PriorityOut,
    PriorityQuery,
    ReportCardAreasOut,
    ReportCardQuery,
    RoundQuery,
    TargetsOut,
)
from uplift.core.errors import Refused
from uplift.reports.attainment import attainment, rounded
from uplift.reports.categories import categories_by_phase, priority_schools, readable_rounds
from uplift.reports.la_record import default_dates, la_record, parse_dates
from uplift.reports.ofsted_summary import GRADES, ofsted_summary
from uplift.reports.report_cards import report_card_areas
from uplift.reports.targets import targets_report
from uplift.schools.access import visible_establishments, visible_local_authorities

router = Router(tags=["reports"])


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _la(request, code: str):
    return get_object_or_404(visible_local_authorities(request.auth), code=code)


def _la_out(la) -> dict:
    return {"code": la.code, "name": la.name}


@router.get(
    "/reports/{code}/ofsted-summary",
    response={200: OfstedSummaryOut, **ERROR_RESPONSES},
    summary="Schools and pupils by Ofsted grade and phase, as at a day",
)
def ofsted_summary_report(request, code: str, query: Query[AsAtQuery]):
    la = _la(request, code)
    summary = ofsted_summary(
        la=la,
        schools=visible_establishments(request.auth),
        as_at=query.as_at or timezone.localdate(),
    )
    return {
        "la": _la_out(la),
        "as_at": summary.as_at,
        "phases": [_phase(table) for table in summary.phases],
        "all_phases": _phase(summary.total),
        "sources": [
            {
                "framework": source.framework.code,
                "framework_name": source.framework.name,
                "confirmed_by_ungraded_inspection": source.confirmed,
                "counts": {
                    grade.key: count
                    for grade, count in zip(GRADES[:-1], source.counts, strict=True)
                },
            }
            for source in summary.sources
        ],
        "not_counted": summary.left_out,
    }


def _phase(table) -> dict:
    return {
        "phase": table.key,
        "label": table.label,
        "schools": table.schools,
        "pupils": table.pupils,
        "schools_without_pupil_number": table.without_pupils,
        "grades": [
            {
                "grade": row.grade.key,
                "label": row.grade.label,
                "schools": row.schools,
                "schools_pct": _number(row.schools_pct),
                "pupils": row.pupils,
                "pupils_pct": _number(row.pupils_pct),
            }
            for row in table.rows
        ],
        "good_or_better_schools_pct": _number(table.good_or_better_schools_pct),
        "good_or_better_pupils_pct": _number(table.good_or_better_pupils_pct),
    }


@router.get(
    "/reports/{code}/report-card-areas",
    response={200: ReportCardAreasOut, **ERROR_RESPONSES},
    summary="Grades by evaluation area for schools with no overall grade, by framework",
)
def report_card_areas_report(request, code: str, query: Query[ReportCardQuery]):
    la = _la(request, code)
    report = report_card_areas(
        la=la,
        schools=visible_establishments(request.auth),
        as_at=query.as_at or timezone.localdate(),
        phase=PhaseChoice(query.phase).value,
    )
    return {
        "la": _la_out(la),
        "as_at": report.as_at,
        "phase": report.phase,
        "frameworks": [
            {
                "framework": table.framework.code,
                "framework_name": table.framework.name,
                "schools": table.schools,
                "pupils": table.pupils,
                "areas": [
                    {
                        "area": area.area.code,
                        "label": area.area.label,
                        "grades": [
                            {
                                "grade": row.grade.code,
                                "label": row.grade.label,
                                "schools": row.schools,
                                "schools_pct": _number(row.schools_pct),
                                "pupils": row.pupils,
                                "pupils_pct": _number(row.pupils_pct),
                            }
                            for row in area.rows
                        ],
                    }
                    for area in table.areas
                ],
                "safeguarding": dict(table.safeguarding),
            }
            for table in report.frameworks
        ],
    }


@router.get(
    "/reports/{code}/targets",
    response={200: TargetsOut, **ERROR_RESPONSES},
    summary="The LA's targets, with its figures and the gap to each",
)
def targets(request, code: str, query: Query[AsAtQuery]):
    la = _la(request, code)
    report = targets_report(
        la=la,
        schools=visible_establishments(request.auth),
        as_at=query.as_at or timezone.localdate(),
    )
    return {
        "la": _la_out(la),
        "as_at": report.as_at,
        "targets": [_target(status) for status in report.statuses],
    }


def _target(status) -> dict:
    target, ranking = status.target, status.ranking
    return {
        "id": target.pk,
        "name": target.name,
        "measure": target.measure,
        "indicator": target.indicator.code if target.indicator else None,
        "phase": target.phase_group,
        "comparison": target.comparison,
        "period": status.period,
        "value": _number(status.value),
        "threshold": _number(status.threshold),
        "margin": _number(status.margin),
        "met": status.met,
        "rank": status.rank,
        "of": ranking.of if ranking else None,
        "top_quartile_places": ranking.top_places if ranking else None,
        "neighbours": [
            {"la": _la_out(entry.la), "value": float(entry.value), "rank": entry.rank}
            for entry in (ranking.ranked if ranking else ())
        ],
        "note": status.note,
    }


@router.get(
    "/reports/{code}/attainment",
    response={200: AttainmentOut, **ERROR_RESPONSES},
    summary="Attainment by year for a key stage: the LA against England, and its schools",
)
def attainment_report(request, code: str, query: Query[AttainmentQuery]):
    la = _la(request, code)
    report = attainment(
        la=la,
        schools=visible_establishments(request.auth),
        key_stage=KeyStage(query.key_stage).value,
    )
    return {
        "la": _la_out(la),
        "key_stage": report.key_stage,
        "measures": [
            {
                "code": table.measure.code,
                "label": table.measure.label,
                "unit": table.measure.unit,
                "polarity": table.measure.polarity,
                "years": [_attainment_year(table.measure, year) for year in table.years],
            }
            for table in report.measures
        ],
    }


def _figure(result, measure) -> dict | None:
    if result is None:
        return None
    return {"value": _number(rounded(result.value, measure)), "suppression": result.suppression}


def _attainment_year(measure, year) -> dict:
    spread = year.schools
    return {
        "academic_year": year.academic_year,
        "la": _figure(year.la, measure),
        "england": _figure(year.england, measure),
        "difference": _number(year.difference),
        "schools": {
            "schools": spread.schools,
            "suppressed": spread.suppressed,
            "lowest": _number(spread.lowest),
            "lower_quartile": _number(spread.lower_quartile),
            "median": _number(spread.median),
            "upper_quartile": _number(spread.upper_quartile),
            "highest": _number(spread.highest),
            "at_or_better_than_england": spread.at_or_better_than_england,
        },
    }


def _round(request, la, code: str):
    rounds = list(readable_rounds(user=request.auth, la=la))
    if not code:
        return rounds, rounds[0] if rounds else None
    chosen = next((r for r in rounds if r.code == code), None)
    if chosen is None:
        raise Http404
    return rounds, chosen


@router.get(
    "/reports/{code}/categories",
    response={200: CategoriesOut, **ERROR_RESPONSES},
    summary="Schools and pupils in each category of a categorisation round, by phase",
)
def categories(request, code: str, query: Query[RoundQuery]):
    la = _la(request, code)
    _, chosen = _round(request, la, query.round.strip())
    if chosen is None:
        raise Http404
    report = categories_by_phase(la=la, schools=visible_establishments(request.auth), round=chosen)

    def phase(table) -> dict:
        return {
            "phase": table.key,
            "label": table.label,
            "schools": table.schools,
            "pupils": table.pupils,
            "causing_concern": table.causing_concern,
            "categories": [
                {
                    "category": row.code,
                    "label": row.label,
                    "causing_concern": row.causing_concern,
                    "schools": row.schools,
                    "schools_pct": _number(row.schools_pct),
                    "pupils": row.pupils,
                    "pupils_pct": _number(row.pupils_pct),
                }
                for row in table.rows
            ],
        }

    return {
        "la": _la_out(la),
        "round": {"code": chosen.code, "status": chosen.status, "as_at": chosen.as_at},
        "phases": [phase(table) for table in report.phases],
        "all_phases": phase(report.total),
        "not_counted": report.left_out,
    }


@router.get(
    "/reports/{code}/priority-schools",
    response={200: Page[PriorityOut], **ERROR_RESPONSES},
    summary="Schools on their way to good or outstanding, those not yet good first",
)
def priority(request, code: str, query: Query[PriorityQuery], page: Query[PageParams]):
    la = _la(request, code)
    rounds, chosen = _round(request, la, query.round.strip())
    earlier = [r for r in rounds if chosen is not None and r.as_at < chosen.as_at]
    report = priority_schools(
        la=la,
        schools=visible_establishments(request.auth),
        as_at=query.as_at or timezone.localdate(),
        round=chosen,
        previous_round=earlier[0] if earlier else None,
    )
    return paginate(
        request,
        report.entries,
        page,
        present=lambda found: [
            {
                "priority": entry.priority.rank,
                "priority_label": entry.priority.label,
                "urn": entry.establishment.urn,
                "name": entry.establishment.name,
                "phase": entry.phase_label,
                "latest_inspection": entry.latest,
                "inspected_on": entry.inspected_on,
                "framework": entry.framework,
                "category": entry.category,
                "previous_category": entry.previous_category,
                "movement": entry.movement,
            }
            for entry in found
        ],
    )


@router.get(
    "/reports/la-record",
    response={200: LaRecordOut, **ERROR_RESPONSES},
    summary="The LA's record over time: Ofsted outcomes, report card areas and targets at "
    "each date, and the category transition between its last two published rounds",
)
def la_record_report(request, query: Query[LaRecordQuery]):
    la = _la(request, query.la)
    try:
        dates = parse_dates(query.dates)
    except ValueError as wrong:
        raise Refused(str(wrong)) from None
    record = la_record(
        la=la,
        schools=visible_establishments(request.auth),
        dates=dates or default_dates(la=la, today=timezone.localdate()),
        user=request.auth,
    )

    def lines(found) -> list[dict]:
        return [
            {
                "group": line.group,
                "label": line.label,
                "at": [
                    {
                        "day": day,
                        "schools": figures.schools if figures else None,
                        "schools_pct": _number(figures.schools_pct) if figures else None,
                        "pupils": figures.pupils if figures else None,
                        "pupils_pct": _number(figures.pupils_pct) if figures else None,
                    }
                    for day, figures in zip(record.dates, line.cells, strict=True)
                ],
            }
            for line in found
        ]

    move = record.transition
    return {
        "la": _la_out(la),
        "dates": list(record.dates),
        "ofsted_outcomes": lines(record.ofsted_rows),
        "good_or_better": lines(record.good_or_better),
        "report_card_areas": lines(record.report_card_rows),
        "targets": [
            {
                "name": line.name,
                "at": [
                    {
                        "day": day.isoformat(),
                        "period": status.period,
                        "value": _number(status.value),
                        "threshold": _number(status.threshold),
                        "met": status.met,
                    }
                    for day, status in zip(record.dates, line.cells, strict=True)
                ],
            }
            for line in record.target_lines
        ],
        "category_transition": None
        if move is None
        else {
            "earlier_round": move.earlier.code,
            "later_round": move.later.code,
            "rows": [
                {
                    "category": code,
                    "label": label,
                    "to": {
                        column: count
                        for (column, _), count in zip(move.columns, counts, strict=True)
                    },
                    "schools": total,
                }
                for code, label, counts, total in move.rows
            ],
        },
    }
