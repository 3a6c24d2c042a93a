"""On a synthetic history whose declines follow the grade history, the model finds more of
them than any simple rule, and the backtest says so."""

from datetime import date

import numpy as np
import pytest

from uplift.core.errors import Refused
from uplift.earlywarning import backtest, model
from uplift.earlywarning.features import features_at, outcomes
from uplift.earlywarning.history import load_history

AS_AT, UNTIL = date(2014, 9, 1), date(2016, 8, 31)


def test_the_model_beats_every_simple_rule(history):
    result = backtest.run_backtest(as_at=AS_AT, until=UNTIL)
    assert result.declines > 20
    assert result.model_beats_every_rule(), backtest.table_text(result)
    at_20 = {r["ranking"]: r for r in result.rows if r["share"] == 0.2}
    assert at_20[backtest.MODEL]["recall_declines"] > 0.5
    assert "Model" in backtest.table_text(result)


def test_training_uses_only_the_history_before_the_date(history):
    known = load_history(before=AS_AT)
    everything = load_history(before=date(2030, 1, 1))
    a = model.train(known, AS_AT)
    b = model.train(everything, AS_AT)
    snap = features_at(known, AS_AT)
    np.testing.assert_allclose(a.risk(snap.matrix), b.risk(snap.matrix))
    assert a.trained_on == b.trained_on


def test_the_probabilities_are_calibrated_on_the_training_years(history):
    known = load_history(before=AS_AT)
    trained = model.train(known, AS_AT)
    snap = features_at(known, date(2012, 9, 1))
    seen = outcomes(known, date(2012, 9, 1), AS_AT, snap.schools)
    risk = trained.risk(snap.matrix)
    assert ((0 <= risk) & (risk <= 1)).all()
    # The expected number of declines is near the number seen.
    assert abs(risk.sum() - seen.declined.sum()) < 0.35 * max(seen.declined.sum(), 10)


def test_too_little_history_is_refused(db):
    with pytest.raises(Refused, match="Too little inspection history"):
        model.train(load_history(before=AS_AT), AS_AT)
