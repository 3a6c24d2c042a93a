"""Commissions a partnership decides: a fund a partnership holds pays only for what a carried
motion of that partnership decided; the commission page names the motion."""

from uplift.core.errors import Conflict
from uplift.partnerships import funding
from uplift.partnerships.models import FundHolding, Outcome


def holder_of(fund):
    """The partnership holding the fund, or None for the LA's own."""
    found = FundHolding.objects.filter(fund=fund).select_related("partnership").first()
    return found.partnership if found is not None else None


def check_decision(*, fund, motion) -> None:
    """A partnership's fund pays for a commission only on its own carried motion."""
    partnership = holder_of(fund)
    if partnership is None:
        return
    if motion is None:
        raise Conflict(
            f"{fund} is held by {partnership.name}: name the motion of its board that "
            "decided the commission"
        )
    if motion.meeting.partnership_id != partnership.pk or motion.outcome != Outcome.CARRIED:
        raise Conflict(f"The commission needs a motion {partnership.name} carried")


def record_decision(*, actor, via, commission, motion) -> None:
    if motion is not None:
        funding.record_decided(
            actor=actor,
            via=via,
            motion=motion,
            subject=commission,
            description=f"Commission: {commission.title}",
        )


def deciding_motion(commission):
    return funding.deciding_motion(commission)
