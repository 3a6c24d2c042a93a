import pytest

from tests.impact.world import iw_fixture  # noqa: F401
from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import NotAllowed, Refused, StaleVersion
from uplift.impact.measures import DEFAULTS
from uplift.impact.pieces import of_deployment
from uplift.impact.selectors import chosen_measures, piece_impact
from uplift.impact.services import choose_measures


def test_measures_default_by_kind_then_chosen_with_a_version(iw):
    piece = of_deployment(iw.deployment)
    assert chosen_measures(piece) == (list(DEFAULTS["deployment"]), 0)
    officer = iw.bw.officer
    choose_measures(piece=piece, measures=["ks2_reading"], version=0, actor=officer, via=Via.WEB)
    assert chosen_measures(piece) == (["ks2_reading"], 1)
    assert [r.outcome.key for r in piece_impact(piece)] == ["ks2_reading"]
    assert AuditEvent.objects.filter(action="impact.measures_chosen").count() == 1
    with pytest.raises(StaleVersion):
        choose_measures(piece=piece, measures=["absence"], version=0, actor=officer, via=Via.WEB)
    with pytest.raises(Refused):
        choose_measures(piece=piece, measures=["nonsense"], version=1, actor=officer, via=Via.WEB)
    with pytest.raises(NotAllowed):
        choose_measures(
            piece=piece, measures=["absence"], version=1, actor=iw.bw["headteacher"], via=Via.WEB
        )
    assert chosen_measures(piece) == (["ks2_reading"], 1)


def test_impact_registers_its_track_record_signal_in_brokerage():
    from uplift.brokerage.ranking import registered
    from uplift.impact.track_record import leader_signal

    assert leader_signal in registered()
