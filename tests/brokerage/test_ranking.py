"""Brokerage's register of extra ranking signals, which apps above it (impact) fill."""

from tests.brokerage.world import bw_fixture  # noqa: F401
from uplift.brokerage.matching import broker
from uplift.brokerage.ranking import register_signal, registered, unregister_signal


def test_a_registered_signal_adds_points_and_a_reason(bw):
    before = broker(request=bw.request()).proposals
    first, second = before[0].leader, before[1].leader

    def favour_second(*, leaders, request):
        assert second in leaders and request.establishment == bw.ryde
        return {second.pk: (1000, "Favoured by the test")}

    register_signal(favour_second)
    register_signal(favour_second)  # registering twice counts once
    try:
        after = broker(request=bw.request()).proposals
    finally:
        unregister_signal(favour_second)
    assert favour_second not in registered()
    assert after[0].leader == second and after[1].leader == first
    assert after[0].score == before[1].score + 1000
    assert "Favoured by the test" in after[0].reasons
