"""Model objects turned into the API's shapes (see schemas.py). No queries here: callers
fetch what is shown (related rows joined or prefetched) before presenting it."""

from django.utils import timezone

from uplift.inspections.selectors import grade_summary


def local_authority(la) -> dict | None:
    return {"code": la.code, "name": la.name} if la else None


def group(group) -> dict | None:
    if group is None:
        return None
    return {"id": group.pk, "kind": group.kind, "name": group.name, "reference": group.reference}


def inspection(item) -> dict:
    return {
        "id": item.pk,
        "framework": item.framework,
        "framework_name": item.get_framework_display(),
        "kind": item.kind,
        "kind_label": item.get_kind_display(),
        "type": item.type_text,
        "start_date": item.start_date,
        "publication_date": item.publication_date,
        "overall_grade": item.overall_grade,
        "overall_label": item.overall_label if item.overall_grade is not None else "",
        "grade_summary": grade_summary(item),
        "outcome": item.outcome,
        "category_of_concern": item.category_of_concern,
        "safeguarding": item.safeguarding,
        "judgements": [
            {
                "area": j.area,
                "area_label": j.area_label,
                "grade": j.grade,
                "grade_label": j.grade_label,
            }
            for j in item.judgements.all()
        ],
    }


def inspection_with_school(item) -> dict:
    school = item.establishment
    return {**inspection(item), "school": {"urn": school.urn, "name": school.name}}


def latest_inspection(item) -> dict | None:
    if item is None:
        return None
    return {
        "framework": item.framework,
        "kind": item.kind,
        "start_date": item.start_date,
        "grade_summary": grade_summary(item),
        "category_of_concern": item.category_of_concern,
    }


def school_summary(school, latest=None) -> dict:
    return {
        "urn": school.urn,
        "laestab": school.laestab,
        "name": school.name,
        "la": local_authority(school.la),
        "phase": school.phase,
        "phase_group": school.phase_group,
        "type": school.type_name,
        "type_group": school.type_group,
        "status": school.status,
        "pupils": school.pupils,
        "trust": group(school.trust),
        "latest_inspection": latest_inspection(latest),
    }


def school_detail(school, *, memberships, links, latest_graded, latest_ungraded) -> dict:
    today = timezone.localdate()
    return {
        **school_summary(school),
        "establishment_number": school.establishment_number,
        "open_date": school.open_date,
        "close_date": school.close_date,
        "statutory_low_age": school.statutory_low_age,
        "statutory_high_age": school.statutory_high_age,
        "percent_fsm": school.percent_fsm,
        "town": school.town,
        "postcode": school.postcode,
        "religious_character": school.religious_character,
        "memberships": [
            {
                "group": group(m.group),
                "role": m.role,
                "joined_on": m.joined_on,
                "left_on": m.left_on,
                "current": m.is_current_on(today),
            }
            for m in memberships
        ],
        "links": [
            {
                "urn": linked.link.linked_urn,
                "name": linked.link.linked_name,
                "link_type": linked.link.link_type,
                "established_on": linked.link.established_on,
                "in_scope": linked.visible,
            }
            for linked in links
        ],
        "latest_graded_inspection": inspection(latest_graded) if latest_graded else None,
        "latest_ungraded_inspection": inspection(latest_ungraded) if latest_ungraded else None,
    }


def result(item) -> dict | None:
    if item is None:
        return None
    return {
        "value": item.value,
        "suppression": item.suppression,
        "suppression_meaning": item.suppression_meaning,
    }


def measure_trend(trend) -> dict:
    measure = trend.measure
    return {
        "code": measure.code,
        "label": measure.label,
        "dataset": measure.dataset,
        "key_stage": measure.key_stage,
        "unit": measure.unit,
        "polarity": measure.polarity,
        "decimal_places": measure.decimal_places,
        "comparator_segment": trend.segment,
        "years": [
            {
                "academic_year": year.academic_year,
                "school": result(year.school),
                "la": result(year.la),
                "england": result(year.england),
            }
            for year in trend.years
        ],
    }


RUN_FIELDS = (
    "id",
    "importer",
    "file_name",
    "sha256",
    "status",
    "actor",
    "via",
    "started_at",
    "finished_at",
    "options",
    "rows_read",
    "rows_added",
    "rows_updated",
    "rows_unchanged",
    "rows_rejected",
    "summary",
)


def import_run(run, *, with_errors: bool = False) -> dict:
    shown = {name: getattr(run, name) for name in RUN_FIELDS}
    return {**shown, "errors": run.errors} if with_errors else shown
