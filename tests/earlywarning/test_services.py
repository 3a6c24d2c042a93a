"""score_schools keeps a run, one assessment per school, the riskiest share of each LA
flagged, the run current for its scope, and an audit event."""

from datetime import date
from decimal import Decimal

import pytest

from uplift.audit.models import AuditEvent
from uplift.core.errors import Refused
from uplift.earlywarning.models import ModelRun, RiskAssessment
from uplift.earlywarning.services import score_schools

AS_AT = date(2014, 9, 1)


def test_scoring_an_la_flags_its_riskiest_fifth(history):
    herts = history["las"][0]
    run = score_schools(as_at=AS_AT, la="919")
    rows = list(RiskAssessment.objects.filter(run=run).select_related("school"))
    assert rows and {r.school.la_id for r in rows} == {herts.id}
    assert run.scored == len(rows) and run.is_current
    assert sum(r.flagged for r in rows) == int(len(rows) * Decimal("0.2"))
    riskiest = sorted(rows, key=lambda r: r.rank)
    assert [r.rank for r in riskiest] == list(range(1, len(rows) + 1))
    assert all(riskiest[i].risk >= riskiest[i + 1].risk for i in range(len(rows) - 1))
    assert riskiest[0].flagged and not riskiest[-1].flagged
    assert all(r.reasons and r.reasons[0].startswith("Last graded") for r in rows)
    event = AuditEvent.objects.get(action="early_warning.scored")
    assert "1 September 2014" in event.reason


def test_a_new_run_becomes_current_for_its_scope(history):
    first = score_schools(as_at=AS_AT, la=history["las"][0], share=Decimal("0.1"))
    national = score_schools(as_at=AS_AT)
    second = score_schools(as_at=AS_AT, la=history["las"][0])
    first.refresh_from_db()
    national.refresh_from_db()
    assert not first.is_current and second.is_current and national.is_current
    flagged = RiskAssessment.objects.filter(run=national, flagged=True)
    for la in history["las"]:
        scored = RiskAssessment.objects.filter(run=national, school__la=la).count()
        assert flagged.filter(school__la=la).count() == int(scored * Decimal("0.2"))


@pytest.mark.parametrize("share", ["0", "0.26", "-0.1", "1"])
def test_a_share_outside_0_to_25_percent_is_refused(history, share):
    with pytest.raises(Refused, match="share of schools"):
        score_schools(as_at=AS_AT, share=Decimal(share))
    assert not ModelRun.objects.exists()


def test_an_unknown_la_is_refused(history):
    with pytest.raises(Refused, match="no local authority"):
        score_schools(as_at=AS_AT, la="999")
