"""Conditions and claims of an award: the scheme's conditions are attached on award; a head
claims part of the award with evidence; a finance officer approves it, paying it from the
award's commitment (a release and a payment in pence); a claim beyond the award is refused by
a registered rule; pages show and take all of it."""

import inspect
import sys
from types import SimpleNamespace as NS

import pytest

from tests.commissioning.test_pages import client_for
from tests.commissioning.world import all_met, apply, scheme
from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.commissioning.grants import claims, services
from uplift.commissioning.grants.rules import all_rules, get
from uplift.commissioning.models import GrantClaim
from uplift.core.errors import Conflict, NotAllowed, RuleRefused, StaleVersion
from uplift.funds.models import LedgerEntry
from uplift.funds.selectors import fund_balance, outstanding_pence


def awarded(mw, *, pence=750_000, fund_pence=5_000_000):
    fund = mw.fund(pence=fund_pence)
    application = apply(mw, scheme(mw, fund))
    return fund, services.award(
        actor=mw["la.officer"],
        via=Via.WEB,
        application=application,
        assessment=all_met(),
        awarded_pence=pence,
        reason="Meets every criterion",
    )


def claim(mw, application, pence, user="headteacher"):
    return claims.claim(
        actor=mw[user],
        via=Via.WEB,
        application=application,
        amount_pence=pence,
        evidence="Invoice from the phonics trainer, 12 November",
    )


def test_the_schemes_conditions_are_attached_on_award_and_an_officer_adds_one(mw):
    _, application = awarded(mw)
    assert [c.text for c in application.conditions.all()] == [
        "Spend the grant by 31 March 2027 and report on its impact."
    ]
    claims.add_condition(
        actor=mw["la.officer"],
        via=Via.WEB,
        application=application,
        text="Share the phonics results with the LA in July",
        reason="Agreed at panel",
    )
    assert application.conditions.count() == 2
    assert AuditEvent.objects.filter(action="grant.condition_added").exists()
    with pytest.raises(NotAllowed):
        claims.add_condition(
            actor=mw["headteacher"], via=Via.WEB, application=application, text="x", reason="x"
        )


def test_a_head_claims_and_the_officer_approves_paying_from_the_commitment(mw):
    fund, application = awarded(mw)
    made = claim(mw, application, 300_000)
    assert made.status == "submitted" and made.submitted_by == mw["headteacher"]
    before = fund_balance(fund=fund)
    paid = claims.approve(
        actor=mw["la.officer"], via=Via.WEB, claim=made, reason="Invoice seen", version=1
    )
    assert paid.status == "approved" and paid.payment.amount_pence == -300_000
    assert paid.payment.kind == "payment" and paid.payment.commitment == application.commitment
    release = LedgerEntry.objects.get(kind="release")
    assert release.amount_pence == 300_000 and release.commitment == application.commitment
    after = fund_balance(fund=fund)
    assert after.balance_pence == before.balance_pence  # the money was already committed
    assert after.paid_pence == 300_000 and after.committed_pence == 450_000
    assert outstanding_pence(commitment=application.commitment) == 450_000
    assert AuditEvent.objects.filter(action="grant.claim_approved").exists()
    with pytest.raises(Conflict, match="already been decided"):
        claims.approve(actor=mw["la.officer"], via=Via.WEB, claim=made, reason="again")


def test_a_claim_beyond_the_award_is_refused_by_the_rule(mw):
    _, application = awarded(mw)
    claim(mw, application, 500_000)
    with pytest.raises(RuleRefused) as refused:
        claim(mw, application, 300_000)
    assert refused.value.rule == "claim_within_award"
    assert str(refused.value) == (
        "Abbots Langley Primary was awarded £7,500.00 and £5,000.00 of it is already claimed, "
        "so at most £2,500.00 can be claimed, not £3,000.00."
    )
    assert GrantClaim.objects.count() == 1


def test_a_refused_claim_frees_its_amount_and_only_finance_decides(mw):
    _, application = awarded(mw)
    made = claim(mw, application, 750_000)
    with pytest.raises(NotAllowed):
        claims.approve(actor=mw["headteacher"], via=Via.WEB, claim=made, reason="mine")
    with pytest.raises(StaleVersion):
        claims.refuse(actor=mw["la.officer"], via=Via.WEB, claim=made, reason="x", version=9)
    claims.refuse(actor=mw["la.officer"], via=Via.WEB, claim=made, reason="No invoice")
    assert claim(mw, application, 750_000).status == "submitted"
    with pytest.raises(NotAllowed):
        claim(mw, application, 1, user="plain.officer")


def test_an_application_not_awarded_cannot_be_claimed(mw):
    fund = mw.fund(pence=5_000_000)
    application = apply(mw, scheme(mw, fund))
    with pytest.raises(RuleRefused, match="is submitted"):
        claim(mw, application, 100)


def test_the_pages_take_a_claim_refuse_too_much_and_approve(mw):
    _, application = awarded(mw, pence=800_000)
    head = client_for(mw, "headteacher")
    page = head.get(f"/commissioning/applications/{application.pk}/").content.decode()
    assert "Make a claim" in page and "Spend the grant by 31 March 2027" in page
    too_much = head.post(
        f"/commissioning/applications/{application.pk}/claim/",
        {"amount": "9,000", "evidence": "Invoices"},
    )
    assert too_much.status_code == 200
    assert "at most £8,000.00 can be claimed, not £9,000.00" in too_much.content.decode()
    sent = head.post(
        f"/commissioning/applications/{application.pk}/claim/",
        {"amount": "2,000", "evidence": "Invoice from the trainer"},
    )
    made = GrantClaim.objects.get()
    assert sent.status_code == 302 and made.amount_pence == 200_000
    assert (
        head.post(f"/commissioning/claims/{made.pk}/", {"decision": "approve"}).status_code == 403
    )
    officer = client_for(mw, "la.officer")
    done = officer.post(
        f"/commissioning/claims/{made.pk}/",
        {"version": made.version, "decision": "approve", "reason": "Invoice seen"},
    )
    assert done.status_code == 302
    assert "Approved and paid" in officer.get(f"/commissioning/claims/{made.pk}/").content.decode()
    other = client_for(mw, "plain.officer")
    assert other.get(f"/commissioning/claims/{made.pk}/").status_code == 403


def message(code, **facts):
    return get(code).message(**get(code).broken(**facts))


APPLICATION = NS(
    status="awarded",
    awarded_pence=100_000,
    establishment=NS(name="Abbots Langley Primary"),
    scheme=NS(name="Race to the Top bursaries"),
    get_status_display=lambda: "Awarded",
)


def test_every_rule_has_a_message_and_its_own_test():
    tests = {name for name, _ in inspect.getmembers(sys.modules[__name__], inspect.isfunction)}
    for rule in all_rules():
        assert inspect.getdoc(rule), rule.code
        assert f"test_{rule.code}" in tests, f"no test for rule {rule.code}"


def test_claim_on_award():
    rule = get("claim_on_award")
    assert rule.broken(application=APPLICATION) is None
    declined = NS(**{**vars(APPLICATION), "status": "declined"})
    declined.get_status_display = lambda: "Not awarded"
    assert message("claim_on_award", application=declined) == (
        "Only an awarded grant can be claimed: Abbots Langley Primary's application to "
        "Race to the Top bursaries is not awarded."
    )


def test_claim_within_award():
    rule = get("claim_within_award")
    assert rule.broken(application=APPLICATION, claimed_pence=40_000, amount_pence=60_000) is None
    assert "at most £0.00 can be claimed, not £0.01" in message(
        "claim_within_award", application=APPLICATION, claimed_pence=100_000, amount_pence=1
    )
