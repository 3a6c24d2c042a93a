"""The blend of the model with a simple rule, and the framework's due-ness features."""

from datetime import date

import numpy as np

from uplift.earlywarning import model, simple_rules
from uplift.earlywarning.features import NAMES, _framework_gap


def matrix(last_grades, years):
    rows = np.zeros((len(years), len(NAMES)))
    rows[:, NAMES.index("last_grade")] = last_grades
    rows[:, NAMES.index("years_since_last")] = years
    return rows


def test_a_schools_standing_does_not_depend_on_the_others_scored():
    reference = np.sort(np.arange(100.0))
    alone = model._standing(np.array([50.0]), reference)
    with_others = model._standing(np.array([50.0, 1.0, 99.0]), reference)
    assert alone[0] == with_others[0]
    assert 0 <= with_others.min() and with_others.max() <= 1


def test_the_good_rule_puts_the_oldest_good_inspection_first():
    rows = matrix([2, 2, 1, 3], [6, 2, 9, 9])
    score = simple_rules.RULES["Good, longest since inspected"](rows)
    assert list(np.argsort(-score))[:2] == [0, 1]


def test_the_weight_is_chosen_on_the_held_out_snapshot_and_keeps_the_order():
    rng = np.random.default_rng(0)
    years = rng.uniform(0, 6, 2000)
    grade = rng.integers(1, 4, 2000).astype(float)
    rows = matrix(grade, years)
    # Declines follow the rule (good and old) and nothing the model saw.
    declined = (grade == 2) & (years > 4)
    useless_model = rng.uniform(0, 1, 2000)
    blend = model._blend(useless_model, rows, declined, useless_model)
    assert blend.rule == "Good, longest since inspected"
    assert blend.weight < 0.5
    risk = blend.risk(useless_model, rows)
    assert ((0 <= risk) & (risk <= 1)).all()
    order = np.argsort(-blend.score(useless_model, rows))
    assert (np.diff(risk[order]) <= 1e-12).all()


def test_a_model_as_good_as_any_blend_is_used_alone():
    rng = np.random.default_rng(1)
    rows = matrix(rng.integers(1, 4, 500).astype(float), rng.uniform(0, 6, 500))
    declined = rng.uniform(0, 1, 500) < 0.1
    perfect = declined + rng.uniform(0, 0.01, 500)
    assert model._blend(perfect, rows, declined, perfect) is None


def test_good_schools_fall_due_sooner_from_september_2015():
    # The 2012 framework left a good school up to five years; the 2015 one, three.
    good = np.array([2.0])
    assert _framework_gap(date(2014, 9, 1), good)[0] == 5
    assert _framework_gap(date(2015, 9, 1), good)[0] == 3
    assert np.isnan(_framework_gap(date(2015, 9, 1), np.array([np.nan]))[0])
