"""The backtest: train on the history before a date, score the schools as they stood on it,
and compare with the inspections that followed, against simple rules an officer might use
instead. Reads only: nothing is stored.

Shares are of all the schools scored (England); a school counts as a decline when its first
graded inspection in the window was worse than its last before the date.
"""

import json
from dataclasses import dataclass
from datetime import date

import numpy as np
from dateutil.relativedelta import relativedelta

from uplift.core.errors import Refused
from uplift.earlywarning import simple_rules
from uplift.earlywarning.features import Snapshot, features_at, outcomes
from uplift.earlywarning.history import load_history
from uplift.earlywarning.model import HORIZON_YEARS, top_share, train

SHARES = (0.10, 0.20, 0.25)
MODEL = "Model"


def _rules(snap: Snapshot) -> dict[str, np.ndarray]:
    """The simple rules as risk scores (higher = flagged first)."""
    return simple_rules.scores(snap.matrix)


@dataclass
class Backtest:
    as_at: date
    until: date
    method: str
    scored: int
    declines: int
    below_good: int
    rows: list[dict]  # one per (ranking, share): recall, precision, lift
    phases: list[dict]  # the model and the best rule at 20%, per phase

    def model_beats_every_rule(self) -> bool:
        for share in SHARES:
            at = [r for r in self.rows if r["share"] == share]
            model = next(r for r in at if r["ranking"] == MODEL)
            if any(r["recall_declines"] >= model["recall_declines"] for r in at if r is not model):
                return False
        return True


def _measure(name, risk, declined, below, share) -> dict:
    top = top_share(risk, share)
    hits = declined[top].sum()
    return {
        "ranking": name,
        "share": share,
        "flagged": len(top),
        "recall_declines": float(hits / max(1, declined.sum())),
        "recall_below_good": float(below[top].sum() / max(1, below.sum())),
        "precision": float(hits / max(1, len(top))),
    }


def run_backtest(*, as_at: date, until: date | None = None) -> Backtest:
    until = until or as_at + relativedelta(years=HORIZON_YEARS, days=-1)
    if until <= as_at:
        raise Refused("The end of the backtest must come after its as-at date.")
    history = load_history(before=until)
    horizon = max(1, round((until - as_at).days / 365.25))
    trained = train(history, as_at, horizon_years=horizon)
    snap = features_at(history, as_at)
    seen = outcomes(history, as_at, until, snap.schools)
    if not seen.declined.any():
        raise Refused(f"No school's graded inspection got worse between {as_at} and {until}.")
    risk = trained.risk(snap.matrix)
    rankings = {MODEL: risk, **_rules(snap)}
    rows = [
        _measure(name, score, seen.declined, seen.below_good, share)
        for share in SHARES
        for name, score in rankings.items()
    ]
    for share in SHARES:
        at = [r for r in rows if r["share"] == share]
        model = next(r for r in at if r["ranking"] == MODEL)
        for row in at:
            row["model_lift"] = model["recall_declines"] / max(row["recall_declines"], 1e-9)
    return Backtest(
        as_at=as_at,
        until=until,
        method=trained.method,
        scored=len(snap.schools),
        declines=int(seen.declined.sum()),
        below_good=int(seen.below_good.sum()),
        rows=rows,
        phases=_by_phase(history, snap, rankings, seen),
    )


def _by_phase(history, snap, rankings, seen) -> list[dict]:
    phases = history.phase[snap.schools]
    found = []
    for phase in sorted(set(phases.tolist())):
        members = phases == phase
        declined = seen.declined[members]
        if not declined.any():
            continue
        recalls = {
            name: _measure(name, score[members], declined, seen.below_good[members], 0.2)
            for name, score in rankings.items()
        }
        best_rule = max((r for n, r in recalls.items() if n != MODEL), key=_recall)
        found.append(
            {
                "phase": phase,
                "schools": int(members.sum()),
                "declines": int(declined.sum()),
                "model_recall": recalls[MODEL]["recall_declines"],
                "best_rule": best_rule["ranking"],
                "best_rule_recall": best_rule["recall_declines"],
            }
        )
    return found


def _recall(row: dict) -> float:
    return row["recall_declines"]


def table_text(result: Backtest) -> str:
    """The backtest as a plain-text table."""
    lines = [
        f"Early-warning backtest: trained on history before {result.as_at}, "
        f"outcomes {result.as_at} to {result.until}",
        f"Method: {result.method}. Schools scored: {result.scored}; declines: "
        f"{result.declines}; below good: {result.below_good}.",
        "",
        f"{'Flagged':>7}  {'Ranking':<46} {'Recall declines':>15} {'Recall below good':>17} "
        f"{'Precision':>9} {'Model lift':>10}",
    ]
    for row in result.rows:
        lines.append(
            f"{row['share']:>7.0%}  {row['ranking']:<46} {row['recall_declines']:>15.1%} "
            f"{row['recall_below_good']:>17.1%} {row['precision']:>9.1%} "
            f"{row['model_lift']:>9.2f}x"
        )
    lines += ["", "By phase, 20% flagged (recall of declines):"]
    for row in result.phases:
        lines.append(
            f"  {row['phase']:<12} {row['schools']:>6} schools {row['declines']:>5} declines: "
            f"model {row['model_recall']:.1%}, best rule {row['best_rule_recall']:.1%} "
            f"({row['best_rule']})"
        )
    verdict = "beats" if result.model_beats_every_rule() else "does NOT beat"
    lines += ["", f"The model {verdict} every simple rule at the same share flagged."]
    return "\n".join(lines)


def as_json(result: Backtest) -> str:
    return json.dumps(
        {
            "as_at": result.as_at.isoformat(),
            "until": result.until.isoformat(),
            "method": result.method,
            "scored": result.scored,
            "declines": result.declines,
            "below_good": result.below_good,
            "rows": result.rows,
            "phases": result.phases,
            "model_beats_every_rule": result.model_beats_every_rule(),
        },
        indent=2,
    )
