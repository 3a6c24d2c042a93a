"""The early-warning model: learned from the imported history before a date, nothing fixed.

Training examples are the schools as they stood on the same day of earlier years (one
snapshot a year), each labelled by what happened in the `horizon` that followed, which ends
before the as-at date: was the school's next graded inspection worse than its last? Recent
years weigh more (RECENCY per year back): Ofsted's rules for when a school is inspected
change from one framework to the next. Two candidates are fitted: a transparent
logistic regression and gradient-boosted trees with calibrated probabilities. The latest
snapshot is held out; the transparent model is kept unless the trees find clearly more of
its declines among the riskiest fifth. The chosen one is then refitted on every snapshot.

Ofsted's rules for when a school is inspected change between frameworks, so what the older
years teach can mislead about the next two. On the held-out snapshot the model is therefore
blended with the simple rule that did best there (`simple_rules`): the schools are ranked by
a weighted mean of their standing under each, the weight chosen on that snapshot, and the
blend is read as a probability by a logistic fit on the same snapshot.
"""

from dataclasses import dataclass, field
from datetime import date

import numpy as np
from dateutil.relativedelta import relativedelta

from uplift.core.errors import Refused
from uplift.earlywarning import simple_rules
from uplift.earlywarning.features import NAMES, features_at, outcomes
from uplift.earlywarning.history import History

HORIZON_YEARS = 2
SNAPSHOTS = 6  # training years before the as-at date, at most
FIRST_SNAPSHOT = date(2006, 9, 1)  # a year after section 5 inspections began
MIN_EXAMPLES, MIN_DECLINES = 50, 5
MIN_VARIED = 10  # schools on each side of a feature's range, for it to be learned from
# The trees must find this many more of the held-out declines in the riskiest fifth
# (as a share of them) to be preferred to the transparent model.
TREES_MUST_GAIN = 0.02
VALIDATION_SHARE = 0.2

BLEND_SHARES = (0.10, 0.20, 0.25)  # the shares an LA may flag, over which blends are judged
BLEND_WEIGHTS = tuple(w / 10 for w in range(11))  # the model's weight; 0 is the rule alone

TRANSPARENT = "calibrated logistic regression"
TREES = "gradient-boosted trees"


@dataclass
class Trained:
    method: str
    estimator: object
    trained_on: int
    declines: int
    horizon_years: int
    columns: np.ndarray  # the feature columns learned from (the others never varied)
    validation: dict = field(default_factory=dict)
    blend: "Blend | None" = None

    def model_risk(self, matrix: np.ndarray) -> np.ndarray:
        return self.estimator.predict_proba(matrix[:, self.columns])[:, 1]

    def risk(self, matrix: np.ndarray) -> np.ndarray:
        risk = self.model_risk(matrix)
        return self.blend.risk(risk, matrix) if self.blend else risk


@dataclass
class Blend:
    """The model's risk blended with a simple rule: each is read as a school's standing among
    the schools of a reference snapshot (0 lowest, 1 highest), so a school's score does not
    depend on which others are scored with it; a logistic fit turns the mix into a risk."""

    rule: str
    weight: float  # the model's
    model_reference: np.ndarray  # sorted
    rule_reference: np.ndarray  # sorted
    calibration: object = None

    def score(self, model_risk: np.ndarray, matrix: np.ndarray) -> np.ndarray:
        rule = simple_rules.RULES[self.rule](matrix)
        return self.weight * _standing(model_risk, self.model_reference) + (
            1 - self.weight
        ) * _standing(rule, self.rule_reference)

    def risk(self, model_risk: np.ndarray, matrix: np.ndarray) -> np.ndarray:
        score = self.score(model_risk, matrix)
        return self.calibration.predict_proba(score.reshape(-1, 1))[:, 1]


def _standing(values: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """Each value's standing among the sorted `reference` (mid-rank for ties), 0 to 1."""
    below = np.searchsorted(reference, values, side="left")
    upto = np.searchsorted(reference, values, side="right")
    return (below + upto) / (2.0 * max(1, len(reference)))


def snapshot_days(as_at: date, horizon_years: int = HORIZON_YEARS) -> list[date]:
    """The training days, latest first, a year apart: each followed by a full horizon
    before `as_at`."""
    days = []
    for back in range(horizon_years, horizon_years + SNAPSHOTS):
        day = as_at - relativedelta(years=back)
        if day < FIRST_SNAPSHOT:
            break
        days.append(day)
    return days


def examples(history: History, as_at: date, horizon_years: int = HORIZON_YEARS):
    """(matrix, declined, snapshot number) over every training snapshot; 0 is the latest."""
    parts, labels, groups = [], [], []
    for number, day in enumerate(snapshot_days(as_at, horizon_years)):
        snap = features_at(history, day)
        until = min(day + relativedelta(years=horizon_years), as_at)
        parts.append(snap.matrix)
        labels.append(outcomes(history, day, until, snap.schools).declined)
        groups.append(np.full(len(snap.schools), number))
    if not parts:
        return np.empty((0, len(NAMES))), np.empty(0, bool), np.empty(0, int)
    return np.vstack(parts), np.concatenate(labels), np.concatenate(groups)


def _transparent():
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    # A logistic regression's probabilities are calibrated by how it is fitted (log loss).
    return make_pipeline(
        SimpleImputer(strategy="median", add_indicator=True, keep_empty_features=True),
        StandardScaler(),
        LogisticRegression(max_iter=500, C=0.5),
    )


def _trees():
    from sklearn.ensemble import HistGradientBoostingClassifier

    # Fitted on log loss, so its probabilities are calibrated (the blend recalibrates them).
    return HistGradientBoostingClassifier(
        max_iter=150, learning_rate=0.06, max_leaf_nodes=15, min_samples_leaf=80,
        l2_regularization=1.0, early_stopping=False, random_state=0,
    )  # fmt: skip


CANDIDATES = {TRANSPARENT: _transparent, TREES: _trees}
RECENCY = 0.6  # weight of a snapshot relative to the one a year later


def fit(name: str, matrix: np.ndarray, declined: np.ndarray, groups: np.ndarray):
    """Fit candidate `name`, weighting each snapshot by how recent it is."""
    weights = RECENCY ** (groups - groups.min())
    estimator = CANDIDATES[name]()
    if name == TRANSPARENT:
        return estimator.fit(matrix, declined, logisticregression__sample_weight=weights)
    return estimator.fit(matrix, declined, sample_weight=weights)


def recall_at(risk: np.ndarray, positive: np.ndarray, share: float) -> float:
    """Share of the positives among the riskiest `share` of schools."""
    if not positive.any():
        return 0.0
    top = top_share(risk, share)
    return float(positive[top].sum() / positive.sum())


def top_share(risk: np.ndarray, share: float) -> np.ndarray:
    """Indices of the riskiest `share` of rows (at least one when there are rows)."""
    count = max(1, int(len(risk) * share)) if len(risk) else 0
    return np.argsort(-risk, kind="stable")[:count]


def informative_columns(matrix: np.ndarray) -> np.ndarray:
    """The columns with enough values either side of their range's ends to learn from: a
    feature the history never recorded (no results yet for those years), never varied, or
    recorded for a handful of schools only teaches nothing (and trips the trees' binning)."""
    keep = []
    for column in matrix.T:
        known = column[~np.isnan(column)]
        keep.append(
            len(known) > 0
            and (known > known.min()).sum() >= MIN_VARIED
            and (known < known.max()).sum() >= MIN_VARIED
        )
    return np.flatnonzero(keep)


def train(history: History, as_at: date, *, horizon_years: int = HORIZON_YEARS) -> Trained:
    """Train on the history before `as_at`; refuse when there is too little to learn from.
    One thread: on a shared machine, parallel trees wait on each other far longer."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        return _train(history, as_at, horizon_years)


def _train(history: History, as_at: date, horizon_years: int) -> Trained:
    matrix, declined, groups = examples(history, as_at, horizon_years)
    if len(declined) < MIN_EXAMPLES or declined.sum() < MIN_DECLINES:
        raise Refused(
            f"Too little inspection history before {as_at:%d %B %Y} to learn from: "
            f"{len(declined)} school-years with {int(declined.sum())} declines "
            f"(at least {MIN_EXAMPLES} and {MIN_DECLINES} are needed)."
        )
    columns = informative_columns(matrix)
    matrix = matrix[:, columns]
    validation, held_out = _validate(matrix, declined, groups)
    gain = validation.get(TREES, 0.0) - validation.get(TRANSPARENT, 0.0)
    method = TREES if validation and gain > TREES_MUST_GAIN else TRANSPARENT
    estimator = fit(method, matrix, declined, groups)
    trained = Trained(
        method=method,
        estimator=estimator,
        trained_on=len(declined),
        declines=int(declined.sum()),
        horizon_years=horizon_years,
        columns=columns,
        validation=validation,
    )
    if method in held_out:
        full = np.zeros((len(declined), len(NAMES)))
        full[:, columns] = matrix
        latest = groups == 0
        trained.blend = _blend(
            held_out[method], full[latest], declined[latest], trained.model_risk(full[latest])
        )
        if trained.blend:
            trained.method = f"{method} blended with a simple rule"
            validation["blend"] = {
                "rule": trained.blend.rule,
                "model_weight": trained.blend.weight,
            }
    return trained


def _mean_recall(score: np.ndarray, declined: np.ndarray) -> float:
    return float(np.mean([recall_at(score, declined, share) for share in BLEND_SHARES]))


def _blend(validated, matrix, declined, final_risk) -> Blend | None:
    """The blend of the model (as it ranked the held-out snapshot when trained on the older
    ones) and the simple rule that found most of that snapshot's declines, with the weight
    that found most of them; None when the model alone does as well. `final_risk` is the
    refitted model's risk on the same schools: the reference its standing is read against."""
    rules = simple_rules.scores(matrix)
    best = max(rules, key=lambda name: _mean_recall(rules[name], declined))
    rule = rules[best]
    found = {}
    for weight in BLEND_WEIGHTS:
        blend = Blend(best, weight, np.sort(validated), np.sort(rule))
        found[weight] = _mean_recall(blend.score(validated, matrix), declined)
    weight = max(BLEND_WEIGHTS, key=lambda w: (found[w], w))  # ties go to the model
    if weight == 1.0:
        return None
    from sklearn.linear_model import LogisticRegression

    blend = Blend(best, weight, np.sort(validated), np.sort(rule))
    scored = blend.score(validated, matrix).reshape(-1, 1)
    blend.calibration = LogisticRegression().fit(scored, declined)
    blend.model_reference = np.sort(final_risk)
    return blend


def _validate(matrix, declined, groups) -> tuple[dict, dict]:
    """Recall of the latest snapshot's declines in its riskiest fifth, per candidate, each
    trained on the older snapshots, and each candidate's risks for that snapshot; empty
    when there is no older snapshot to train on."""
    held, older = groups == 0, groups > 0
    if declined[older].sum() < MIN_DECLINES or not declined[held].any():
        return {}, {}
    found, risks = {}, {}
    columns = informative_columns(matrix[older])
    for name in CANDIDATES:
        try:
            estimator = fit(name, matrix[older][:, columns], declined[older], groups[older])
        except ValueError:
            # scikit-learn's tree binning can fail on a sparse feature in one fold: the
            # candidate is then left out rather than stopping the run.
            continue
        risk = estimator.predict_proba(matrix[held][:, columns])[:, 1]
        found[name] = round(recall_at(risk, declined[held], VALIDATION_SHARE), 4)
        risks[name] = risk
    return found, risks
