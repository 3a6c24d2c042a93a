from datetime import date

from uplift.casework.flags.base import COASTING, FlagRule, History, Outcome
from uplift.casework.flags.registry import register
from uplift.casework.flags.rules._two_inspections import latest_ri_previous_below_good


@register
class Coasting2022(FlagRule):
    """Coasting (Coasting Schools (England) Regulations 2022, from 1 September 2022): the
    school's most recent graded (section 5) inspection found that it requires improvement,
    and the graded inspection before that found it requires improvement, satisfactory or
    inadequate. For an inspection from September 2024 with no overall grade, requires
    improvement in quality of education or leadership and management counts as requires
    improvement, as DfE reads it. Ungraded inspections never change a grade."""

    flag = COASTING
    name = "coasting_2022"
    applies_from = date(2022, 9, 1)
    applies_to = date(2025, 11, 16)

    @classmethod
    def evaluate(cls, history: History) -> Outcome:
        return latest_ri_previous_below_good(history, what="coasting")
