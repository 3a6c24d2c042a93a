"""Schools the caller may read: the list (the school list page's filters), one school, its
inspections and its performance. A school out of scope answers 404, like a missing one."""

from ninja import Query, Router

from uplift.api import present, selectors
from uplift.api.errors import ERROR_RESPONSES
from uplift.api.pagination import Page, PageParams, paginate
from uplift.api.schemas import InspectionOut, MeasureTrendOut, SchoolDetail, SchoolSummary
from uplift.api.schools.schemas import (
    PerformanceQuery,
    SchoolQuery,
)
from uplift.directory.school_list import SchoolFilters, filter_schools
from uplift.inspections.selectors import (
    inspection_history,
    latest_graded_inspections,
    latest_ungraded_inspections,
)
from uplift.schools import selectors as register
from uplift.schools.access import visible_establishments

router = Router(tags=["schools"])


@router.get(
    "/schools",
    response={200: Page[SchoolSummary], **ERROR_RESPONSES},
    summary="List schools",
)
def list_schools(request, filters: Query[SchoolQuery], page: Query[PageParams]):
    # `filters` documents the parameters; the page's own parser reads them, so that the
    # API and the page clean and apply them the same way.
    wanted = SchoolFilters.from_query(request.GET)
    schools = filter_schools(visible_establishments(request.auth), wanted)

    def with_latest(found):
        latest = latest_graded_inspections(establishments=found)
        return [present.school_summary(school, latest.get(school.pk)) for school in found]

    return paginate(request, schools, page, present=with_latest)


@router.get(
    "/schools/{int:urn}",
    response={200: SchoolDetail, **ERROR_RESPONSES},
    summary="One school",
)
def school_detail(request, urn: int):
    school = selectors.school_in_scope(user=request.auth, urn=urn)
    return present.school_detail(
        school,
        memberships=register.memberships(school),
        links=register.linked_schools(school, visible_establishments(request.auth)),
        latest_graded=latest_graded_inspections(establishments=[school]).get(school.pk),
        latest_ungraded=latest_ungraded_inspections(establishments=[school]).get(school.pk),
    )


@router.get(
    "/schools/{int:urn}/inspections",
    response={200: Page[InspectionOut], **ERROR_RESPONSES},
    summary="A school's inspection history, newest first, across frameworks",
)
def school_inspections(request, urn: int, page: Query[PageParams]):
    school = selectors.school_in_scope(user=request.auth, urn=urn)
    return paginate(
        request,
        inspection_history(school),
        page,
        present=lambda found: [present.inspection(item) for item in found],
    )


@router.get(
    "/schools/{int:urn}/performance",
    response={200: Page[MeasureTrendOut], **ERROR_RESPONSES},
    summary="A school's performance measures, recent years beside its LA and England",
)
def school_performance(
    request, urn: int, filters: Query[PerformanceQuery], page: Query[PageParams]
):
    school = selectors.school_in_scope(user=request.auth, urn=urn)
    trends = selectors.school_performance(
        establishment=school, dataset=filters.dataset or "", years=filters.years
    )
    return paginate(
        request,
        trends,
        page,
        present=lambda found: [present.measure_trend(trend) for trend in found],
    )
