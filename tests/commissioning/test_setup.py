"""Setting up and changing funds, providers, grant schemes, traded services and packages from
the pages: finance officers only, versioned (a stale form is refused on the form), audited
with the reason, and each service's refusals shown on the form."""

from datetime import date

from tests.commissioning.test_pages import client_for, date_fields
from tests.commissioning.world import all_met, apply, provider, scheme, service
from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.commissioning.grants import services as grants
from uplift.commissioning.models import GrantScheme, Package, Provider, TradedService
from uplift.commissioning.setup import services
from uplift.funds.models import Fund

REASON = {"reason": "Agreed at the schools forum"}
STALE = "changed by someone else"


def test_an_officer_sets_up_a_fund_and_changes_it_a_stale_form_is_refused(mw):
    officer = client_for(mw, "la.officer")
    assert "Set up a fund" in officer.get("/funds/").content.decode()
    form = {
        "name": "Wigan intervention budget",
        "owner_name": "Wigan Council",
        "owner_kind": "la",
        "source": "la_budget",
        "source_note": "",
        "financial_year": "2026-27",
        "ring_fences": "Primary\nSecondary",
        **REASON,
    }
    assert officer.post("/funds/new/", form).status_code == 302
    fund = Fund.objects.get(name="Wigan intervention budget")
    assert [f.name for f in fund.ring_fences.all()] == ["Primary", "Secondary"]
    again = officer.post("/funds/new/", form)
    assert "already has a fund called Wigan intervention budget 2026-27" in again.content.decode()
    bad_year = officer.post("/funds/new/", {**form, "financial_year": "2026"})
    assert bad_year.status_code == 200 and Fund.objects.count() == 1
    edit = {k: v for k, v in form.items() if k not in ("financial_year", "ring_fences")}
    changed = officer.post(
        f"/funds/{fund.pk}/edit/", {**edit, "version": 1, "owner_name": "Wigan Borough Council"}
    )
    assert changed.status_code == 302
    fund.refresh_from_db()
    assert fund.owner_name == "Wigan Borough Council" and fund.version == 2
    event = AuditEvent.objects.get(action="fund.changed")
    assert event.changes == {"Who holds the fund": ["Wigan Council", "Wigan Borough Council"]}
    stale = officer.post(f"/funds/{fund.pk}/edit/", {**edit, "version": 1, "name": "Other"})
    assert STALE in stale.content.decode().lower() or "changed" in stale.content.decode()
    fund.refresh_from_db()
    assert fund.name == "Wigan intervention budget"
    assert client_for(mw, "plain.officer").get("/funds/new/").status_code == 403
    assert client_for(mw, "headteacher").get(f"/funds/{fund.pk}/edit/").status_code == 403


def test_providers_are_added_and_changed_approval_needs_due_diligence(mw):
    officer = client_for(mw, "la.officer")
    form = {
        "name": "EdisonLearning",
        "kind": "private",
        "approved": "on",
        **date_fields("due_diligence_on", date(2026, 3, 1)),
        **REASON,
    }
    refused = officer.post("/commissioning/providers/new/", {**form, "due_diligence_on_day": ""})
    assert refused.status_code == 200
    no_check = officer.post(
        "/commissioning/providers/new/",
        {k: v for k, v in form.items() if not k.startswith("due_diligence_on")},
    )
    assert "Enter when due diligence was done before approving" in no_check.content.decode()
    assert officer.post("/commissioning/providers/new/", form).status_code == 302
    made = Provider.objects.get()
    assert made.approved and made.due_diligence_on == date(2026, 3, 1)
    page = officer.get("/commissioning/providers/").content.decode()
    assert "Add a provider" in page and f"/commissioning/providers/{made.pk}/edit/" in page
    changed = officer.post(
        f"/commissioning/providers/{made.pk}/edit/",
        {**form, "version": made.version, "approved": "", "kind": "la_traded"},
    )
    assert changed.status_code == 302
    made.refresh_from_db()
    assert not made.approved and made.version == 2
    assert AuditEvent.objects.filter(action="provider.changed").exists()
    assert client_for(mw, "adviser").get("/commissioning/providers/new/").status_code == 403


def test_a_scheme_is_set_up_and_changed_but_not_its_criteria_once_decided(mw):
    fund = mw.fund(pence=5_000_000)
    officer = client_for(mw, "la.officer")
    form = {
        "fund": fund.pk,
        "name": "Race to the Top",
        "description": "",
        "criteria": "In category 3 or 4\nA costed plan",
        "max_award": "10,000",
        **date_fields("closes_on", date(2099, 1, 31)),
        "conditions": "Spend it by March\nReport its impact",
        **REASON,
    }
    assert officer.post("/commissioning/grants/new/", form).status_code == 302
    made = GrantScheme.objects.get()
    assert made.criteria == ["In category 3 or 4", "A costed plan"] and made.fund == fund
    assert "Change the scheme" in officer.get(f"/commissioning/grants/{made.pk}/").content.decode()
    edit = {k: v for k, v in form.items() if k != "fund"}
    url = f"/commissioning/grants/{made.pk}/edit/"
    assert officer.post(url, {**edit, "version": 1, "max_award": "12,000"}).status_code == 302
    made.refresh_from_db()
    assert made.max_award_pence == 1_200_000 and made.version == 2
    decided = scheme(mw, fund, closes_on=date(2099, 1, 1))
    application = apply(mw, decided)
    grants.decline(
        actor=mw["la.officer"],
        via=Via.WEB,
        application=application,
        assessment=all_met(False),
        reason="Not in category",
    )
    from tests.commissioning.world import CRITERIA

    refused = officer.post(
        f"/commissioning/grants/{decided.pk}/edit/",
        {**edit, "version": 1, "criteria": "Something else", "name": decided.name},
    )
    assert "Applications have been decided against these criteria" in refused.content.decode()
    decided.refresh_from_db()
    assert decided.criteria == CRITERIA
    head = client_for(mw, "headteacher")
    assert (
        head.get(url).status_code == 403
        and head.get("/commissioning/grants/new/").status_code == 403
    )


def test_a_service_is_added_with_a_package_and_packages_are_added_and_changed(mw):
    officer = client_for(mw, "la.officer")
    form = {
        "name": "Governor services",
        "description": "Clerking and training for governing boards",
        "package_name": "Bronze",
        "level": "1",
        "price": "800",
        "adviser_sessions": "0",
        "training_places": "2",
        "clerking": "on",
        **REASON,
    }
    assert officer.post("/commissioning/traded/new/", form).status_code == 302
    made = TradedService.objects.get(name="Governor services")
    bronze = made.packages.get()
    assert bronze.name == "Bronze" and bronze.price_pence == 80_000 and bronze.clerking
    package = {
        "name": "Gold",
        "level": "1",
        "price": "2,400",
        "adviser_sessions": "0",
        "training_places": "6",
        **REASON,
    }
    same_level = officer.post(f"/commissioning/traded/{made.pk}/packages/new/", package)
    assert "already has a package called Gold or at that level" in same_level.content.decode()
    ok = officer.post(f"/commissioning/traded/{made.pk}/packages/new/", {**package, "level": "3"})
    assert ok.status_code == 302
    gold = Package.objects.get(name="Gold")
    url = f"/commissioning/packages/{gold.pk}/edit/"
    assert (
        officer.post(url, {**package, "level": "3", "price": "2,600", "version": 1}).status_code
        == 302
    )
    gold.refresh_from_db()
    assert gold.price_pence == 260_000 and gold.version == 2
    stale = officer.post(url, {**package, "level": "3", "price": "2,700", "version": 1})
    assert stale.status_code == 200
    gold.refresh_from_db()
    assert gold.price_pence == 260_000
    renamed = officer.post(
        f"/commissioning/traded/{made.pk}/edit/",
        {"name": "Governor support", "description": "", "version": 1, **REASON},
    )
    assert renamed.status_code == 302
    assert AuditEvent.objects.filter(action="traded_service.package_changed").exists()
    assert AuditEvent.objects.filter(action="traded_service.changed").exists()
    assert client_for(mw, "headteacher").get(url).status_code == 403


def test_an_unchanged_form_is_refused_and_another_las_officer_cannot_change(mw):
    made = provider(mw)
    catalogue = service(mw)
    essex = client_for(mw, "essex.finance")
    assert essex.get(f"/commissioning/providers/{made.pk}/edit/").status_code == 404
    assert essex.get(f"/commissioning/traded/{catalogue.pk}/edit/").status_code == 404
    import pytest

    from uplift.core.errors import Refused

    with pytest.raises(Refused, match="Change something"):
        services.update_service(
            actor=mw["la.officer"],
            via=Via.WEB,
            service=catalogue,
            name=catalogue.name,
            description=catalogue.description,
            version=catalogue.version,
            reason="nothing",
        )
