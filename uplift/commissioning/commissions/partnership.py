"""Commissions a partnership decides: a fund a partnership holds pays only for what a carried
motion of that partnership decided, and where the LA's operating model says the lead
partnership commissions, a commission for its schools needs its carried motion too; the
commission page names the motion."""

from uplift.commissioning.commissions import rules
from uplift.core.errors import Conflict
from uplift.partnerships import funding
from uplift.partnerships.access import responsible_establishment_ids
from uplift.partnerships.models import FundHolding, OperatingModel, Outcome, Who


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


def commissioning_partnership(la_id):
    """The partnership the LA's operating model says commissions support, or None (the LA)."""
    model = (
        OperatingModel.objects.filter(la_id=la_id, commissions=Who.PARTNERSHIP)
        .select_related("lead_partnership", "la")
        .first()
    )
    return model.lead_partnership if model is not None else None


def check_commissioner(*, la, schools, motion) -> None:
    """The commissioning rules (commissions/rules.py), given the LA's operating model."""
    commissioner = commissioning_partnership(la.pk)
    its_schools = []
    if commissioner is not None and schools:
        responsible = responsible_establishment_ids([commissioner.pk]).filter(
            establishment_id__in=[school.pk for school in schools]
        )
        ids = set(responsible.values_list("establishment_id", flat=True))
        its_schools = [school for school in schools if school.pk in ids]
    rules.check("place", commissioner=commissioner, its_schools=its_schools, motion=motion, la=la)


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
