"""Permission-matrix rows of the impact pages and API (see test_permission_matrix.py).

A piece of support's impact page is read by whoever reads the piece (a deployment: LA staff
who reach the school, its head, chair and board member; a commission: those who keep the
money). Track records by those who read the LA, as its reports. The records are those the
brokerage and money rows made (they come first in AREA_TABLES)."""

from uplift.brokerage.models import Deployment, SystemLeader
from uplift.commissioning.models import Commission

SCHOOL = "in  ok  ok  404 ok  ok  ok  ok  404"
ONLY_ADMIN = "in  ok  404 404 404 404 404 404 404"
FINANCE = "in  ok  ok  403 403 403 403 403 403"
LA_READERS = "in  ok  ok  ok  ok  403 403 403 ok"
OTHER_LA = "in  ok  404 404 404 403 403 403 ok"


def _api(cells: str) -> str:
    return "401" + cells[2:]


def rows(w) -> list[tuple[str, str, str]]:
    dep = Deployment.objects.get(establishment=w.in_scope).pk
    o_dep = Deployment.objects.get(establishment=w.other_la).pk
    commission = Commission.objects.filter(la=w.in_scope.la).first().pk
    leader = SystemLeader.objects.get(organisation__la=w.in_scope.la).pk
    o_leader = SystemLeader.objects.get(organisation__la=w.other_la.la).pk
    piece = "impact/<slug:kind>/<int:pk>/"
    record = "impact/track-records/<slug:who>/<int:pk>/"
    return [
        (piece, f"/impact/deployment/{dep}/", SCHOOL),
        (piece, f"/impact/deployment/{o_dep}/", ONLY_ADMIN),
        (piece, f"/impact/commission/{commission}/", FINANCE),
        ("impact/track-records/", "/impact/track-records/", LA_READERS),
        (record, f"/impact/track-records/leader/{leader}/", LA_READERS),
        (record, f"/impact/track-records/leader/{o_leader}/", OTHER_LA),
        (
            "api/v1/deployments/<int:deployment_id>/impact",
            f"/api/v1/deployments/{dep}/impact",
            _api(SCHOOL),
        ),
        (
            "api/v1/commissions/<int:commission_id>/impact",
            f"/api/v1/commissions/{commission}/impact",
            _api(FINANCE),
        ),
    ]
