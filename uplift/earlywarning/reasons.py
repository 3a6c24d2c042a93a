"""Each school's risk in words a person reads: its last graded inspection and how long ago,
then what has moved since (results falling, a deficit), most telling first.

"Last graded Good 6 years ago; KS2 reading progress fell from +1.2 to -2.4 over two years."
"""

import numpy as np

from uplift.earlywarning.features import NAMES, Snapshot
from uplift.earlywarning.history import MEASURES
from uplift.inspections import frameworks

GRADE_WORDS = {1: "Outstanding", 2: "Good", 3: "Requires improvement", 4: "Inadequate"}
# A result worth naming moved by at least this share of its spread across schools.
NOTABLE_SPREAD = 0.5
MAX_REASONS = 4


def grade_words(severity: float, framework: float = np.nan) -> str:
    """The grade as its framework named it ("Satisfactory" before September 2012)."""
    if not np.isnan(framework):
        scale = frameworks.FRAMEWORKS[int(framework)].scale
        named = next((g.label for g in scale if g.code == str(int(round(severity)))), None)
        if named:
            return named
    return GRADE_WORDS.get(int(round(severity)), "graded")


def years_words(years: float) -> str:
    if years < 1:
        months = max(1, int(years * 12))
        return f"{months} month{'s' if months != 1 else ''}"
    whole = int(years)
    return f"{whole} year{'s' if whole != 1 else ''}"


def signed(value: float) -> str:
    return f"{value:+.1f}"


def _grade_sentence(row: dict) -> str:
    text = (
        f"Last graded {grade_words(row['last_grade'])} {years_words(row['years_since_last'])} ago"
    )
    previous = row["previous_grade"]
    if not np.isnan(previous) and round(previous) != round(row["last_grade"]):
        change = "down" if row["last_grade"] > previous else "up"
        text += f", {change} from {grade_words(previous)}"
    if row["ever_concern"] and not row["last_concern"]:
        text += "; has been in a category of concern before"
    return text


def _span_words(earlier_year: str, later_year: str) -> str:
    years = int(later_year[:4]) - int(earlier_year[:4])
    return "over one year" if years == 1 else f"over {years} years"


def _measure_sentences(
    snapshot: Snapshot, at: int, school: int, spreads: dict
) -> list[tuple[float, str]]:
    found = []
    for code, (label, higher_is_better) in MEASURES.items():
        trend = snapshot.trends[code]
        later = trend.later[school]
        if np.isnan(later):
            continue
        vs_england = snapshot.matrix[at, NAMES.index(f"{code}:vs_england")]
        spread = spreads[code]
        earlier = trend.earlier[school]
        if not np.isnan(earlier):
            moved = (later - earlier) / spread * (1 if higher_is_better else -1)
            if moved <= -NOTABLE_SPREAD:
                span = _span_words(trend.earlier_year, trend.later_year)
                verb = "fell" if later < earlier else "rose"
                found.append(
                    (-moved, f"{label} {verb} from {signed(earlier)} to {signed(later)} {span}")
                )
                continue
        behind = -vs_england / spread * (1 if higher_is_better else -1)
        if behind >= NOTABLE_SPREAD:
            found.append((behind, f"{label} {signed(later)}, below England's average"))
    return found


def _finance_sentence(row: dict) -> tuple[float, str] | None:
    share = row["balance_share"]
    if np.isnan(share) or share >= 0:
        return None
    text = f"Spent {abs(share):.0%} more than its income in its latest finance year"
    if not np.isnan(row["balance_share_change"]) and row["balance_share_change"] < 0:
        text += ", a bigger gap than the year before"
    return (abs(share) * 10, text)


def spreads_of(snapshot: Snapshot) -> dict[str, float]:
    """Each measure's spread across schools in its latest year (1 when unknown)."""
    found = {}
    for code in MEASURES:
        later = snapshot.trends[code].later
        known = later[~np.isnan(later)]
        found[code] = float(known.std()) if len(known) > 1 and known.std() > 0 else 1.0
    return found


def reasons_for(snapshot: Snapshot, at: int, spreads: dict | None = None) -> list[str]:
    """The sentences for the school in row `at` of the snapshot: its grade first, then what
    moved, most telling first."""
    row = dict(zip(NAMES, snapshot.matrix[at], strict=True))
    school = int(snapshot.schools[at])
    found = _measure_sentences(snapshot, at, school, spreads or spreads_of(snapshot))
    finance = _finance_sentence(row)
    if finance:
        found.append(finance)
    found.sort(key=lambda item: -item[0])
    return [_grade_sentence(row)] + [text for _, text in found[: MAX_REASONS - 1]]


def all_reasons(snapshot: Snapshot) -> list[list[str]]:
    spreads = spreads_of(snapshot)
    return [reasons_for(snapshot, at, spreads) for at in range(len(snapshot.schools))]
