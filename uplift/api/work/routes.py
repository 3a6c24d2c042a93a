"""The caller's own work (GET /me/work, as the "My work" page shows it) and a school's case
and support timeline (GET /schools/{urn}/timeline, as its page shows it). A school outside
the caller's scope answers 404, like a missing one."""

from django.utils import timezone
from ninja import Query, Router

from uplift.api import selectors
from uplift.api.errors import ERROR_RESPONSES
from uplift.api.pagination import Page, PageParams, paginate
from uplift.api.work.schemas import (
    MyWorkOut,
    TimelineEntryOut,
    TimelineQuery,
)
from uplift.workload.selectors import my_work
from uplift.workload.timeline import school_timeline

router = Router(tags=["work"])


def _school(school) -> dict | None:
    return {"urn": school.urn, "name": school.name} if school is not None else None


def _row(row) -> dict:
    return {
        "key": row.key,
        "kind": row.kind,
        "title": row.title,
        "school": _school(row.school),
        "due_on": row.due_on,
        "overdue": row.overdue,
        "status": row.status,
        "url": row.url,
    }


def _case(case) -> dict:
    return {
        "id": case.pk,
        "school": _school(case.school),
        "stage": case.stage,
        "stage_label": case.stage_label,
        "url": case.url,
        "deadlines": [
            {
                "label": deadline.label,
                "due_on": deadline.due_on,
                "overdue": deadline.overdue,
                "approaching": deadline.approaching,
            }
            for deadline in case.deadlines
        ],
    }


@router.get(
    "/me/work",
    response={200: MyWorkOut, **ERROR_RESPONSES},
    summary="Your visits, notes of visit, actions, objectives and the cases you lead",
)
def me_work(request):
    work = my_work(user=request.auth, today=timezone.localdate())
    return {
        "today": work.today,
        "overdue_count": work.overdue_count,
        "visits": [_row(row) for row in work.visits],
        "notes": [_row(row) for row in work.notes],
        "actions": [_row(row) for row in work.actions],
        "objectives": [_row(row) for row in work.objectives],
        "cases": [_case(case) for case in work.cases],
    }


@router.get(
    "/schools/{int:urn}/timeline",
    response={200: Page[TimelineEntryOut], **ERROR_RESPONSES},
    summary="A school's case and support timeline, newest first, as your role may see it",
)
def timeline(request, urn: int, filters: Query[TimelineQuery], page: Query[PageParams]):
    school = selectors.school_in_scope(user=request.auth, urn=urn)
    entries = school_timeline(
        user=request.auth, establishment=school, kinds=[kind.value for kind in filters.kind]
    )
    return paginate(
        request,
        entries,
        page,
        present=lambda found: [
            {
                "date": entry.date,
                "kind": entry.kind,
                "kind_label": entry.kind_label,
                "title": entry.title,
                "detail": entry.detail,
                "url": entry.url,
            }
            for entry in found
        ],
    )
