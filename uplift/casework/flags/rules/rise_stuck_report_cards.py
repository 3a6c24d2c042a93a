from datetime import date

from uplift.casework.flags.base import RISE_STUCK, FlagRule, History, Outcome
from uplift.casework.flags.grades import (
    below_good,
    describe,
    is_report_card,
    leadership_governance,
)
from uplift.casework.flags.registry import register
from uplift.casework.flags.rules._two_inspections import latest_ri_previous_below_good


@register
class RiseStuckReportCards(FlagRule):
    """RISE "stuck" school once report cards began (from 10 November 2025): a report card
    grading leadership and governance "needs attention", with the inspection before below
    good or its equivalent. A school whose latest inspection came before report cards is
    stuck as before: requires improvement (or its 2024/25 equivalent) at the latest graded
    inspection and below good at the one before. Ungraded inspections never change a
    grade."""

    flag = RISE_STUCK
    name = "rise_stuck_report_cards"
    applies_from = date(2025, 11, 10)
    applies_to = None

    @classmethod
    def evaluate(cls, history: History) -> Outcome:
        latest, previous = history.latest, history.previous
        if latest is None or not is_report_card(latest):
            return latest_ri_previous_below_good(history, what="stuck")
        grade = leadership_governance(latest)
        if grade is None:
            return Outcome(
                False,
                f"{describe(latest)[:1].upper()}{describe(latest)[1:]} has no leadership and "
                "governance grade recorded: it cannot be decided.",
                False,
            )
        if grade != "needs_attention":
            return Outcome(
                False,
                f'Not stuck: leadership and governance is not "needs attention" at '
                f"{describe(latest)}.",
            )
        if previous is None:
            return Outcome(
                False,
                f"Not stuck: {describe(latest)} is the school's only graded inspection by "
                "this date.",
            )
        previous_below = below_good(previous)
        if previous_below is None:
            return Outcome(
                False,
                f"Leadership and governance needs attention, but the grades of "
                f"{describe(previous)} were not recorded: it cannot be decided.",
                False,
            )
        if not previous_below:
            return Outcome(
                False,
                f"Not stuck: leadership and governance needs attention at {describe(latest)}, "
                f"but {describe(previous)} was good or better.",
            )
        return Outcome(
            True,
            f"Stuck: leadership and governance needs attention at {describe(latest)}, and "
            f"{describe(previous)} before it was below good.",
        )
