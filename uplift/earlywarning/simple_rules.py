"""Simple rules an officer might rank schools by instead of the model, as risk scores over a
feature matrix (higher = flagged first). The backtest compares the model with each, and the
model blends with the one that did best on the latest year before the as-at date."""

import numpy as np

from uplift.earlywarning.features import NAMES


def _parts(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    last = matrix[:, NAMES.index("last_grade")]
    years = np.nan_to_num(matrix[:, NAMES.index("years_since_last")])
    return last, years


def _good_or_outstanding_oldest(matrix):
    last, years = _parts(matrix)
    return (last <= 2) * 100 + years


def _good_oldest(matrix):
    last, years = _parts(matrix)
    return (np.round(last) == 2) * 100 + years


def _oldest(matrix):
    return _parts(matrix)[1]


def _worst_grade(matrix):
    last, years = _parts(matrix)
    return np.nan_to_num(last) + years / 100.0


RULES = {
    "Good or outstanding, longest since inspected": _good_or_outstanding_oldest,
    "Good, longest since inspected": _good_oldest,
    "Longest since inspected": _oldest,
    "Worst last grade": _worst_grade,
}


def scores(matrix: np.ndarray) -> dict[str, np.ndarray]:
    """Every rule's scores for the rows of `matrix` (columns features.NAMES)."""
    return {name: rule(matrix) for name, rule in RULES.items()}
