"""Scoring schools: train the model on the history before a date, score the open schools with
a graded inspection before it, flag the riskiest share in each LA, and keep the run."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np
from django.db import transaction
from django.utils import timezone

from uplift.audit.models import Via
from uplift.audit.services import record_event
from uplift.core.errors import Refused
from uplift.earlywarning.features import Snapshot, features_at
from uplift.earlywarning.history import History, load_history
from uplift.earlywarning.model import Trained, train
from uplift.earlywarning.models import ModelRun, RiskAssessment
from uplift.earlywarning.reasons import all_reasons
from uplift.schools.local_authorities import normalise_code
from uplift.schools.models import LocalAuthority

DEFAULT_SHARE = Decimal("0.2")
MAX_SHARE = Decimal("0.25")
BATCH = 2000


@dataclass
class Scores:
    """A trained model's scores for the schools of a snapshot, with flags per LA."""

    history: History
    trained: Trained
    snapshot: Snapshot
    risk: np.ndarray
    flagged: np.ndarray
    rank: np.ndarray


def check_share(share) -> Decimal:
    try:
        share = Decimal(str(share))
    except ArithmeticError:
        raise Refused(f"The share of schools to flag must be a number, not {share!r}.") from None
    if not (Decimal(0) < share <= MAX_SHARE):
        raise Refused(
            f"The share of schools to flag must be more than 0 and at most {MAX_SHARE:.0%} "
            f"of an LA's schools; {share:.0%} was asked for."
        )
    return share


def local_authority(la) -> LocalAuthority | None:
    """An LA given as itself or as its DfE code; None for all of England."""
    if la is None or isinstance(la, LocalAuthority):
        return la
    code = normalise_code(la)
    found = LocalAuthority.objects.filter(code=code).first() if code else None
    if found is None:
        raise Refused(f"There is no local authority with the code {la!r}.")
    return found


def flag_per_la(la_codes: np.ndarray, risk: np.ndarray, share: Decimal) -> np.ndarray:
    """True for the riskiest `share` of each LA's schools (rounded down)."""
    flagged = np.zeros(len(risk), dtype=bool)
    for code in np.unique(la_codes):
        members = np.flatnonzero(la_codes == code)
        count = int(len(members) * share)
        riskiest = members[np.argsort(-risk[members], kind="stable")[:count]]
        flagged[riskiest] = True
    return flagged


def score(*, as_at: date, la: LocalAuthority | None = None, share=DEFAULT_SHARE, history=None):
    """Train on the history before `as_at` and score the eligible schools (of `la`, or of
    England); reads only. `history` may be given when it has been read already."""
    share = check_share(share)
    history = history or load_history(before=as_at)
    trained = train(history, as_at)
    snapshot = features_at(history, as_at)
    if la is not None:
        keep = history.la_codes[snapshot.schools] == la.code
        snapshot = Snapshot(as_at, snapshot.schools[keep], snapshot.matrix[keep], snapshot.trends)
    risk = trained.risk(snapshot.matrix) if len(snapshot.schools) else np.empty(0)
    flagged = flag_per_la(history.la_codes[snapshot.schools], risk, share)
    rank = np.empty(len(risk), dtype=int)
    rank[np.argsort(-risk, kind="stable")] = np.arange(1, len(risk) + 1)
    return Scores(history, trained, snapshot, risk, flagged, rank)


def score_schools(
    *,
    as_at: date,
    la=None,
    share=DEFAULT_SHARE,
    by=None,
    via: str = Via.SYSTEM,
    reason: str = "",
) -> ModelRun:
    """Train, score and keep the run: one `RiskAssessment` per school, the riskiest `share`
    of each LA flagged; the run becomes the current one for its scope (the LA or England)."""
    la = local_authority(la)
    share = check_share(share)
    scores = score(as_at=as_at, la=la, share=share)
    reasons = all_reasons(scores.snapshot)
    ids = scores.history.ids[scores.snapshot.schools]
    with transaction.atomic():
        ModelRun.objects.filter(la=la, is_current=True).update(is_current=False)
        run = ModelRun.objects.create(
            as_at=as_at,
            la=la,
            method=scores.trained.method,
            share_flagged=share,
            trained_on=scores.trained.trained_on,
            scored=len(ids),
            metrics={
                "declines_learned_from": scores.trained.declines,
                "horizon_years": scores.trained.horizon_years,
                "validation_recall_at_20": scores.trained.validation,
            },
            is_current=True,
            created_at=timezone.now(),
            created_by=by if by is not None and by.is_authenticated else None,
        )
        RiskAssessment.objects.bulk_create(
            (
                RiskAssessment(
                    run=run,
                    school_id=int(school),
                    risk=float(risk),
                    rank=int(rank),
                    flagged=bool(flag),
                    reasons=said,
                )
                for school, risk, rank, flag, said in zip(
                    ids, scores.risk, scores.rank, scores.flagged, reasons, strict=True
                )
            ),
            batch_size=BATCH,
        )
        record_event(
            actor=by,
            via=via,
            action="early_warning.scored",
            obj=run,
            changes={"scored": len(ids), "flagged": int(scores.flagged.sum())},
            reason=reason
            or f"Schools scored for early warning as at {as_at:%d %B %Y}, "
            f"flagging the riskiest {share:.0%} in each LA",
            la=la,
        )
    return run
