"""Writes: choosing a piece's outcome measures, and saving its findings for track records."""

from django.db import transaction
from django.utils import timezone

from uplift.audit.services import record_event
from uplift.core.errors import NotAllowed, Refused, StaleVersion
from uplift.impact.access import can_choose_measures
from uplift.impact.measures import OUTCOMES
from uplift.impact.models import Finding, MeasureChoice
from uplift.impact.pieces import Piece
from uplift.impact.selectors import piece_impact
from uplift.schools.models import LocalAuthority


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


def choose_measures(*, piece: Piece, measures: list[str], version: int, actor, via, reason=""):
    """Choose the outcome measures the piece of support is judged by."""
    if actor is not None and not can_choose_measures(actor, piece):
        raise NotAllowed("Only the LA's officers choose the measures support is judged by")
    unknown = [m for m in measures if m not in OUTCOMES]
    if unknown or not measures:
        raise Refused("Choose at least one of the measures listed")
    with transaction.atomic():
        choice = (
            MeasureChoice.objects.select_for_update()
            .filter(kind=piece.kind, piece_id=piece.pk)
            .first()
        )
        current = choice.version if choice else 0
        if version != current:
            raise StaleVersion("Someone else changed the measures first: look again")
        if choice is None:
            choice = MeasureChoice(kind=piece.kind, piece_id=piece.pk)
        before = list(choice.measures or [])
        choice.measures = list(dict.fromkeys(measures))
        choice.chosen_by = _user(actor)
        choice.chosen_at = timezone.now()
        choice.version = current + 1
        choice.save()
        record_event(
            actor=actor,
            via=via,
            action="impact.measures_chosen",
            obj=choice,
            changes={"measures": [before, choice.measures]},
            reason=reason or f"Measures chosen for {piece.title}",
            la=LocalAuthority.objects.filter(pk=piece.la_id).first(),
        )
    return choice


def save_findings(*, piece: Piece, actor, via, reason="") -> list[Finding]:
    """Work out the piece's impact and keep it for the track records (replacing the last)."""
    if actor is not None and not can_choose_measures(actor, piece):
        raise NotAllowed("Only the LA's officers save findings to track records")
    results = piece_impact(piece)
    now = timezone.now()
    with transaction.atomic():
        Finding.objects.filter(kind=piece.kind, piece_id=piece.pk).delete()
        saved = Finding.objects.bulk_create(
            Finding(
                kind=piece.kind,
                piece_id=piece.pk,
                measure=r.outcome.key,
                schools=len(r.with_figures),
                change=_figure(r.change),
                comparison_change=_figure(r.comparison_change),
                gain=_figure(r.gain),
                matches=r.matches,
                enough=r.enough,
                computed_at=now,
            )
            for r in results
        )
        if not saved:
            return saved
        record_event(
            actor=actor,
            via=via,
            action="impact.findings_saved",
            obj=saved[0],
            changes={"findings": len(saved), "with_enough_matches": sum(f.enough for f in saved)},
            reason=reason or f"Impact of {piece.title} saved for track records",
            la=LocalAuthority.objects.filter(pk=piece.la_id).first(),
        )
    return saved


def _figure(value):
    return None if value is None else round(value, 3)
