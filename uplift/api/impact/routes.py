"""The impact of a deployment or a commission: before and after for its chosen measures,
against matched similar schools (uplift.impact.matching). Read by whoever reads the
deployment or commission; 404 outside the caller's scope."""

from ninja import Router

from uplift.api.errors import ERROR_RESPONSES
from uplift.api.impact.schemas import ImpactOut
from uplift.impact.matching import MIN_MATCHES
from uplift.impact.models import PieceKind
from uplift.impact.pieces import piece_for
from uplift.impact.selectors import piece_impact
from uplift.schools.models import Establishment

router = Router(tags=["impact of support"])


def _round(value):
    return None if value is None else round(value, 4)


def _impact(user, kind: str, pk: int) -> dict:
    piece = piece_for(user=user, kind=kind, pk=pk)
    results = piece_impact(piece)
    urns = dict(Establishment.objects.filter(pk__in=piece.school_ids).values_list("pk", "urn"))
    return {
        "kind": piece.kind,
        "id": piece.pk,
        "title": piece.title,
        "given_by": piece.given_by,
        "starts_on": piece.starts_on,
        "ends_on": piece.ends_on,
        "is_sample": piece.is_sample,
        "minimum_matches": MIN_MATCHES,
        "measures": [
            {
                "measure": r.outcome.key,
                "label": r.outcome.label,
                "higher_is_better": r.outcome.higher_is_better,
                "before": _round(r.before),
                "after": _round(r.after),
                "change": _round(r.change),
                "comparison_before": _round(r.comparison_before),
                "comparison_after": _round(r.comparison_after),
                "comparison_change": _round(r.comparison_change),
                "difference": _round(r.gain),
                "matches": r.matches,
                "enough": r.enough,
                "verdict": r.verdict,
                "schools": [
                    {
                        "urn": urns.get(s.school_id),
                        "name": s.name,
                        "before": _round(s.before),
                        "before_period": s.before_period,
                        "after": _round(s.after),
                        "after_period": s.after_period,
                        "comparison_before": _round(s.comparison_before),
                        "comparison_after": _round(s.comparison_after),
                        "matches": s.matches,
                    }
                    for s in r.schools
                ],
            }
            for r in results
        ],
    }


@router.get(
    "/deployments/{int:deployment_id}/impact",
    response={200: ImpactOut, **ERROR_RESPONSES},
    summary="Did a deployment work? Before and after against similar schools",
)
def deployment_impact(request, deployment_id: int):
    return _impact(request.auth, PieceKind.DEPLOYMENT, deployment_id)


@router.get(
    "/commissions/{int:commission_id}/impact",
    response={200: ImpactOut, **ERROR_RESPONSES},
    summary="Did a commission work? Before and after against similar schools",
)
def commission_impact(request, commission_id: int):
    return _impact(request.auth, PieceKind.COMMISSION, commission_id)
