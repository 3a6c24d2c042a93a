"""Permission-matrix rows of the money pages and API: funds, commissions, grants and traded
services (see test_permission_matrix.py).

Role order: anonymous admin la.officer data.officer adviser headteacher chair board.member
dfe.viewer. Money is its own permission: here the la.officer persona is given the finance
capability (tests/commissioning/test_pages.py checks an officer without it, 403). A head
or chair reads their own school's grants and subscriptions and their LA's schemes; the
headteacher applies."""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from tests.web.matrix_cases import the_open_case
from uplift.audit.models import Via
from uplift.casework.models import PowerUse
from uplift.commissioning.commissions import services as commissions
from uplift.commissioning.grants import claims
from uplift.commissioning.grants import services as grants
from uplift.commissioning.models import GrantApplication, Package, Provider
from uplift.commissioning.traded import services as traded
from uplift.funds import services as funds

FINANCE = "in  ok  ok  403 403 403 403 403 403"
OTHER_LA_FINANCE = "in  ok  404 403 403 403 403 403 403"
MONEY_READERS = "in  ok  ok  403 403 ok  ok  403 403"
APPLICANT = "in  403 403 403 403 ok  403 403 403"
API_FINANCE = "401 ok  ok  403 403 403 403 403 403"
API_OTHER_LA = "401 ok  404 403 403 403 403 403 403"
API_MONEY_READERS = "401 ok  ok  403 403 ok  ok  403 403"
API_NO_GET = "405 405 405 405 405 405 405 405 405"
# Setting something up for the officer's own LA (a system administrator has none: 403).
SET_UP = "in  403 ok  403 403 403 403 403 403"
CLAIMANT = "in  ok  ok  403 403 ok  403 403 403"


def _records(w):
    officer = get_user_model().objects.get(username="la.officer")
    officer.user_permissions.add(Permission.objects.get(codename="manage_finance"))
    head = get_user_model().objects.get(username="headteacher")
    herts, essex = w.in_scope.la, w.other_la.la
    cli = {"actor": None, "via": Via.CLI, "reason": "permission matrix"}

    def fund(la):
        made = funds.create_fund(
            la=la,
            name="Intervention budget",
            owner_name=la.name,
            owner_kind="la",
            source="la_budget",
            financial_year="2026-27",
            **cli,
        )
        funds.contribute(fund=made, amount_pence=10_000_000, dated=date(2026, 4, 1), **cli)
        return made

    ours, theirs = fund(herts), fund(essex)
    provider = commissions.add_provider(
        la=herts,
        name="EdisonLearning",
        kind="private",
        approved=True,
        due_diligence_on=date(2026, 1, 1),
        **cli,
    )
    commission = commissions.place_commission(
        provider=provider,
        fund=ours,
        title="Good to Great",
        budget_pence=1_000_000,
        starts_on=date(2026, 9, 1),
        ends_on=date(2027, 7, 31),
        schools=[w.in_scope],
        **cli,
    )
    scheme = grants.create_scheme(
        fund=ours,
        name="Bursaries",
        criteria=["Has a plan"],
        max_award_pence=500_000,
        closes_on=date(2099, 1, 1),
        **cli,
    )
    application = grants.apply(
        actor=head,
        via=Via.WEB,
        scheme=scheme,
        establishment=w.in_scope,
        requested_pence=100_000,
        purpose="Training",
        statement="We have a plan",
    )
    grants.award(
        application=application,
        assessment=[{"criterion": "Has a plan", "met": True}],
        awarded_pence=100_000,
        **cli,
    )
    service = traded.create_service(
        la=herts,
        name="School improvement",
        packages=[{"name": "Gold", "level": 3, "price_pence": 500_000}],
        **cli,
    )
    return ours.pk, theirs.pk, commission.pk, scheme.pk, application.pk, service.pk


def _more(w, application_pk, service_pk):
    """A claim, a package and a casework power no fund pays for yet."""
    cli = {"actor": None, "via": Via.CLI}
    claim = claims.claim(
        application=GrantApplication.objects.get(pk=application_pk),
        amount_pence=50_000,
        evidence="Invoice",
        **cli,
    )
    package = Package.objects.filter(service_id=service_pk).first()
    power = PowerUse.objects.create(
        case=the_open_case(w.in_scope),
        power="s64",
        used_on=date(2026, 11, 1),
        details="Matrix",
        recorded_at=timezone.now(),
    )
    return claim.pk, package.pk, power.pk


def rows(w) -> list[tuple[str, str, str]]:
    fund, other_fund, commission, scheme, application, service = _records(w)
    claim, package, power = _more(w, application, service)
    c = f"/commissioning/commissions/{commission}/"
    s = f"/commissioning/traded/{service}/"
    return [
        ("funds/", "/funds/", FINANCE),
        ("funds/<int:pk>/", f"/funds/{fund}/", FINANCE),
        ("funds/<int:pk>/", f"/funds/{other_fund}/", OTHER_LA_FINANCE),
        ("funds/<int:pk>/commit/", f"/funds/{fund}/commit/", FINANCE),
        ("funds/new/", "/funds/new/", SET_UP),
        ("funds/<int:pk>/edit/", f"/funds/{fund}/edit/", FINANCE),
        ("funds/<int:pk>/edit/", f"/funds/{other_fund}/edit/", OTHER_LA_FINANCE),
        ("commissioning/providers/new/", "/commissioning/providers/new/", SET_UP),
        (
            "commissioning/providers/<int:pk>/edit/",
            f"/commissioning/providers/{_provider()}/edit/",
            FINANCE,
        ),
        ("commissioning/grants/new/", "/commissioning/grants/new/", SET_UP),
        ("commissioning/grants/<int:pk>/edit/", f"/commissioning/grants/{scheme}/edit/", FINANCE),
        ("commissioning/traded/new/", "/commissioning/traded/new/", SET_UP),
        ("commissioning/traded/<int:pk>/edit/", f"{s}edit/", FINANCE),
        ("commissioning/traded/<int:pk>/packages/new/", f"{s}packages/new/", FINANCE),
        (
            "commissioning/packages/<int:pk>/edit/",
            f"/commissioning/packages/{package}/edit/",
            FINANCE,
        ),
        ("commissioning/traded/<int:pk>/training/", f"{s}training/", FINANCE),
        (
            "commissioning/applications/<int:pk>/claim/",
            f"/commissioning/applications/{application}/claim/",
            CLAIMANT,
        ),
        (
            "commissioning/applications/<int:pk>/condition/",
            f"/commissioning/applications/{application}/condition/",
            FINANCE,
        ),
        ("commissioning/claims/<int:pk>/", f"/commissioning/claims/{claim}/", MONEY_READERS),
        ("commissioning/spend/", "/commissioning/spend/", FINANCE),
        ("commissioning/spend.csv", "/commissioning/spend.csv", FINANCE),
        (
            "commissioning/spend/pay/<slug:kind>/<int:pk>/",
            f"/commissioning/spend/pay/power/{power}/",
            FINANCE,
        ),
        ("funds/<int:pk>/contribute/", f"/funds/{fund}/contribute/", FINANCE),
        ("commissioning/", "/commissioning/", MONEY_READERS),
        ("commissioning/providers/", "/commissioning/providers/", FINANCE),
        ("commissioning/commissions/", "/commissioning/commissions/", FINANCE),
        ("commissioning/commissions/<int:pk>/", c, FINANCE),
        ("commissioning/commissions/<int:pk>/report/<slug:part>/", f"{c}report/outcomes/", FINANCE),
        ("commissioning/commissions/<int:pk>/report.pdf", f"{c}report.pdf", FINANCE),
        ("commissioning/commissions/<int:pk>/report.csv", f"{c}report.csv", FINANCE),
        (
            "commissioning/commissions/<int:pk>/feedback/",
            f"{c}feedback/",
            "in  405 405 405 405 405 405 405 405",
        ),
        ("commissioning/grants/", "/commissioning/grants/", MONEY_READERS),
        ("commissioning/grants/<int:pk>/", f"/commissioning/grants/{scheme}/", MONEY_READERS),
        (
            "commissioning/grants/<int:pk>/apply/",
            f"/commissioning/grants/{scheme}/apply/",
            APPLICANT,
        ),
        (
            "commissioning/applications/<int:pk>/",
            f"/commissioning/applications/{application}/",
            MONEY_READERS,
        ),
        (
            "commissioning/applications/<int:pk>/letter.pdf",
            f"/commissioning/applications/{application}/letter.pdf",
            MONEY_READERS,
        ),
        ("commissioning/traded/", "/commissioning/traded/", MONEY_READERS),
        ("commissioning/traded/<int:pk>/", s, FINANCE),
        ("commissioning/traded/<int:pk>/subscribe/", f"{s}subscribe/", FINANCE),
        ("commissioning/traded/<int:pk>/invoices.csv", f"{s}invoices.csv", FINANCE),
        ("api/v1/funds", "/api/v1/funds", API_FINANCE),
        ("api/v1/funds/<int:fund_id>/ledger", f"/api/v1/funds/{fund}/ledger", API_FINANCE),
        ("api/v1/funds/<int:fund_id>/ledger", f"/api/v1/funds/{other_fund}/ledger", API_OTHER_LA),
        ("api/v1/funds/<int:fund_id>/commitments", f"/api/v1/funds/{fund}/commitments", API_NO_GET),
        ("api/v1/commissions", "/api/v1/commissions", API_FINANCE),
        ("api/v1/grant-schemes", "/api/v1/grant-schemes", API_MONEY_READERS),
        ("api/v1/subscriptions", "/api/v1/subscriptions", API_MONEY_READERS),
        ("api/v1/spend", "/api/v1/spend", API_FINANCE),
        (
            "api/v1/grant-applications/<int:application_id>/claims",
            f"/api/v1/grant-applications/{application}/claims",
            API_MONEY_READERS,
        ),
    ]


def _provider() -> int:
    return Provider.objects.get(name="EdisonLearning").pk
