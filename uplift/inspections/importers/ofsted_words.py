"""The words and codes Ofsted's files use for grades, safeguarding and categories of concern.

Each reader returns a stored code ('' or None when the file gives none) and raises
ValueError, with a reason a person can act on, for anything it does not recognise.
"""

from uplift.inspections import frameworks
from uplift.inspections.models import CategoryOfConcern, Safeguarding

# Cells that say "no grade here": 9 is Ofsted's code for "not applicable" in grade columns.
NOT_GIVEN = {"", "9", "null", "n/a", "na", "not applicable", "not judged", "does not apply"}

_FOUR_POINT = {**frameworks.FOUR_POINT_WORDS, **{str(n): str(n) for n in range(1, 5)}}
_REPORT_CARD = dict(frameworks.REPORT_CARD_WORDS)

_YES_NO = {"yes": Safeguarding.EFFECTIVE, "y": Safeguarding.EFFECTIVE}
_YES_NO |= {"no": Safeguarding.NOT_EFFECTIVE, "n": Safeguarding.NOT_EFFECTIVE}
_MET = {"met": Safeguarding.MET, "not met": Safeguarding.NOT_MET}

_NO_CATEGORY = NOT_GIVEN | {"none", "no", "-", "no category"}
_CATEGORY_CODES = {
    "sm": CategoryOfConcern.SPECIAL_MEASURES,
    "swk": CategoryOfConcern.SERIOUS_WEAKNESSES,
    "sw": CategoryOfConcern.SERIOUS_WEAKNESSES,
    "nti": CategoryOfConcern.NOTICE_TO_IMPROVE,
    "rsi": CategoryOfConcern.REQUIRES_SIGNIFICANT_IMPROVEMENT,
}
_CATEGORY_PHRASES = (
    ("special measures", CategoryOfConcern.SPECIAL_MEASURES),
    ("serious weakness", CategoryOfConcern.SERIOUS_WEAKNESSES),
    ("notice to improve", CategoryOfConcern.NOTICE_TO_IMPROVE),
    ("significant improvement", CategoryOfConcern.REQUIRES_SIGNIFICANT_IMPROVEMENT),
)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def four_point(text: str) -> str | None:
    """'2', 'Good' -> '2'; '9', 'Not judged', '' -> None."""
    key = _key(text)
    if key.endswith(".0"):  # a grade read from a spreadsheet number
        key = key[:-2]
    if key in NOT_GIVEN:
        return None
    if key not in _FOUR_POINT:
        raise ValueError("not a grade (expected 1 to 4, Outstanding, Good, ... or 9 / NULL)")
    return _FOUR_POINT[key]


def report_card(text: str) -> str | None:
    """'Strong standard' -> 'strong'; 'Not applicable', '' -> None."""
    key = _key(text)
    if key in NOT_GIVEN:
        return None
    if key not in _REPORT_CARD:
        words = ", ".join(g.label for g in frameworks.REPORT_CARD_SCALE)
        raise ValueError(f"not a report-card grade (expected one of: {words}, Not applicable)")
    return _REPORT_CARD[key]


def safeguarding_effective(text: str) -> str:
    """'Yes' -> effective, 'No' -> not effective, '' or 9 -> not recorded."""
    key = _key(text)
    if key in NOT_GIVEN:
        return Safeguarding.UNKNOWN
    if key not in _YES_NO:
        raise ValueError("expected Yes or No")
    return _YES_NO[key]


def safeguarding_standards(text: str) -> str:
    """'Met' -> met, 'Not met' -> not met, '' -> not recorded."""
    key = _key(text)
    if key in NOT_GIVEN:
        return Safeguarding.UNKNOWN
    if key not in _MET:
        raise ValueError("expected Met or Not met")
    return _MET[key]


def category_of_concern(text: str) -> str:
    """'Special measures', 'SM' -> special measures; 'Serious weaknesses', 'SWK' -> serious
    weaknesses; '', 'None' -> none."""
    key = _key(text)
    if key in _NO_CATEGORY:
        return CategoryOfConcern.NONE
    if key in _CATEGORY_CODES:
        return _CATEGORY_CODES[key]
    for phrase, category in _CATEGORY_PHRASES:
        if phrase in key:
            return category
    raise ValueError(
        "not a category of concern (expected Special measures, Serious weaknesses, "
        "Requires significant improvement, Notice to improve, SM, SWK or blank)"
    )
