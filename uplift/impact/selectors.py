"""Reads: the measures chosen for a piece of support and its impact."""

from uplift.impact.matching import MeasureResult, impact_of
from uplift.impact.measures import DEFAULTS, OUTCOMES
from uplift.impact.models import MeasureChoice
from uplift.impact.pieces import Piece


def chosen_measures(piece: Piece) -> tuple[list[str], int]:
    """The measure keys chosen for the piece (the kind's defaults until someone chooses),
    and the version a form editing them carries."""
    choice = MeasureChoice.objects.filter(kind=piece.kind, piece_id=piece.pk).first()
    if choice is None:
        return list(DEFAULTS[piece.kind]), 0
    return [k for k in choice.measures if k in OUTCOMES], choice.version


def piece_impact(piece: Piece) -> list[MeasureResult]:
    """Each chosen measure's before and after against its comparison group, leaving out the
    measures that apply to none of the piece's schools' phases."""
    keys, _ = chosen_measures(piece)
    found = impact_of(piece, keys)
    return [r for r in found if r.schools or not r.outcome.phases]
