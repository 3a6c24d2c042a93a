"""Features as at a date never see what came after it."""

from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from uplift.earlywarning.features import NAMES, eligible, features_at, outcomes
from uplift.earlywarning.history import NO_DAY, History, severity, year_ends

START = date(2008, 1, 1).toordinal()
SCHOOLS = 12


def build(inspections, results) -> History:
    inspections = sorted(inspections)
    history = History(
        ids=np.arange(1, SCHOOLS + 1),
        urns=np.arange(100001, 100001 + SCHOOLS),
        la_codes=np.array(["919", "881"] * (SCHOOLS // 2), dtype=object),
        phase=np.array(["primary", "secondary", "special"] * (SCHOOLS // 3), dtype=object),
        kind=np.array(["maintained", "academy"] * (SCHOOLS // 2), dtype=object),
        opened=np.full(SCHOOLS, NO_DAY),
        closed=np.full(SCHOOLS, NO_DAY),
        i_school=np.array([i[0] for i in inspections], dtype=np.int64),
        i_day=np.array([i[1] for i in inspections], dtype=np.int64),
        i_severity=np.array([float(i[2]) for i in inspections]),
        i_framework=np.array([3.0 for _ in inspections]),
        i_concern=np.array([i[2] == 4 for i in inspections], dtype=bool),
    )
    for code, year, school, value in results:
        history.results.setdefault(code, {}).setdefault(year, np.full(SCHOOLS, np.nan))
        history.results[code][year][school] = value
    return history


inspection = st.tuples(
    st.integers(0, SCHOOLS - 1), st.integers(START, START + 9 * 365), st.integers(1, 4)
)
result = st.tuples(
    st.sampled_from(["ks2.READPROG", "ks4.P8MEA", "cfr.INCOME", "cfr.BALANCE"]),
    st.sampled_from(["2009-10", "2010-11", "2011-12", "2012-13", "2013-14", "2014-15"]),
    st.integers(0, SCHOOLS - 1),
    st.floats(-5, 5, allow_nan=False),
)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(inspection, max_size=40, unique_by=lambda i: (i[0], i[1])),
    st.lists(result, max_size=40, unique_by=lambda r: (r[0], r[1], r[2])),
    st.integers(START, START + 9 * 365),
)
def test_features_as_at_a_date_ignore_everything_after_it(inspections, results, day_number):
    day = date.fromordinal(day_number)
    full = build(inspections, results)
    known = build(
        [i for i in inspections if i[1] < day_number],
        [r for r in results if year_ends(r[1]) < day],
    )
    schools = np.arange(SCHOOLS)
    seen_all = features_at(full, day, schools).matrix
    seen_known = features_at(known, day, schools).matrix
    np.testing.assert_array_equal(seen_all, seen_known)
    assert list(eligible(full, day)) == list(eligible(known, day))


def test_the_last_and_worst_grades_and_the_next_outcome():
    day = date(2014, 9, 1).toordinal()
    history = build(
        [(0, day - 2000, 1), (0, day - 900, 2), (0, day + 100, 3), (1, day - 50, 4)], []
    )
    snap = features_at(history, date(2014, 9, 1))
    assert list(snap.schools) == [0, 1]
    assert list(snap.column("last_grade")) == [2, 4]
    assert list(snap.column("worst_grade")) == [2, 4]
    assert snap.column("grade_change")[0] == 1
    assert np.isnan(snap.column("previous_grade")[1])
    assert snap.column("last_concern")[1] == 1
    seen = outcomes(history, date(2014, 9, 1), date(2016, 9, 1), snap.schools)
    assert list(seen.declined) == [True, False]
    assert list(seen.below_good) == [True, False]
    # An inspection after the window's end is not an outcome.
    seen = outcomes(history, date(2014, 9, 1), date.fromordinal(day + 50), snap.schools)
    assert not seen.inspected.any()


def test_report_card_grades_sit_on_the_four_point_scale():
    assert severity("rc2025", None, [2, 3]) == 2
    assert severity("rc2025", None, [1]) == 1
    assert severity("rc2025", None, [4]) == 3
    assert severity("rc2025", None, [5, 2]) == 4
    assert severity("2012", 3, []) == 3
    assert severity("2012", None, []) is None


def test_every_feature_has_a_name():
    history = build([(0, START, 2)], [("ks2.READPROG", "2009-10", 0, 1.0)])
    snap = features_at(history, date.fromordinal(START) + timedelta(days=800))
    assert snap.matrix.shape == (1, len(NAMES))
