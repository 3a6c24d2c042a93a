"""Early warning: a school's risk of a worse next inspection, an LA's flagged schools, and an
officer's review of a flag. For the LA's officers (and system administrators) only: another
role answers 403, a school or LA outside their reach 404."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.responses import Status

from uplift.api.calls import call
from uplift.api.earlywarning.schemas import FlagsQuery, ReviewIn, RiskOut
from uplift.api.errors import CHANGE_RESPONSES, ERROR_RESPONSES
from uplift.api.pagination import Page, PageParams, paginate
from uplift.core.words import person_name
from uplift.earlywarning import access, selectors
from uplift.earlywarning.models import RiskAssessment
from uplift.earlywarning.reviews import review_flag
from uplift.schools.models import Establishment

router = Router(tags=["early warning"])


def _las(user):
    las = access.risk_las(user)
    if not las.exists():
        raise PermissionDenied("Only the local authority's officers read early-warning risk")
    return las


def _present(assessments) -> list[dict]:
    found = []
    for a in selectors.with_reviews(assessments):
        review = a.latest_review
        found.append(
            {
                "id": a.pk,
                "urn": a.school.urn,
                "school": a.school.name,
                "as_at": a.run.as_at,
                "risk": a.risk,
                "rank": a.rank,
                "flagged": a.flagged,
                "reasons": list(a.reasons),
                "review": None
                if review is None
                else {
                    "decision": review.decision,
                    "reason": review.reason,
                    "reviewed_by": person_name(review.reviewed_by),
                    "reviewed_at": review.reviewed_at,
                    "version": review.version,
                },
                "version": a.version,
            }
        )
    return found


@router.get(
    "/schools/{int:urn}/risk",
    response={200: RiskOut, **ERROR_RESPONSES},
    summary="A school's risk of a worse next graded inspection, with the reasons",
)
def school_risk(request, urn: int):
    school = get_object_or_404(
        Establishment.objects.filter(la__in=_las(request.auth)).select_related("la"), urn=urn
    )
    risk = selectors.school_risk(school=school)
    if risk is None:
        raise Http404("No early-warning score for this school")
    return _present([risk.assessment])[0]


@router.get(
    "/early-warning/{la}/flags",
    response={200: Page[RiskOut], **ERROR_RESPONSES},
    summary="An LA's flagged schools, riskiest first",
)
def flag_list(request, la: str, filters: Query[FlagsQuery], page: Query[PageParams]):
    found = get_object_or_404(_las(request.auth), code=la)
    status = filters.status if filters.status in selectors.STATUSES else ""
    return paginate(request, selectors.flagged(la=found, status=status), page, present=_present)


@router.post(
    "/early-warning/flags/{int:id}/review",
    response={201: RiskOut, **CHANGE_RESPONSES},
    summary="Agree with a flag or dismiss it, with a reason",
)
def flag_review(request, id: int, data: ReviewIn):
    try:
        assessment = selectors.assessment_for_review(pk=id, las=_las(request.auth))
    except RiskAssessment.DoesNotExist:
        raise Http404("No such flag") from None
    call(
        review_flag,
        request,
        assessment=assessment,
        decision=data.decision,
        reason=data.reason,
        version=data.version,
    )
    return Status(201, _present([assessment])[0])
