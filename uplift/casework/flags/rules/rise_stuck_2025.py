from datetime import date

from uplift.casework.flags.base import RISE_STUCK, FlagRule, History, Outcome
from uplift.casework.flags.registry import register
from uplift.casework.flags.rules._two_inspections import latest_ri_previous_below_good


@register
class RiseStuck2025(FlagRule):
    """RISE "stuck" school (DfE, from 3 February 2025): graded requires improvement at its
    most recent Ofsted inspection and below good at the inspection before. For an
    inspection in 2024/25 (no overall grade), requires improvement in leadership and
    management and/or quality of education counts as requires improvement. Ungraded
    inspections never change a grade."""

    flag = RISE_STUCK
    name = "rise_stuck_2025"
    applies_from = date(2025, 2, 3)
    applies_to = date(2025, 11, 9)

    @classmethod
    def evaluate(cls, history: History) -> Outcome:
        return latest_ri_previous_below_good(history, what="stuck")
