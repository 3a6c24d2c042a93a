"""Before a flag existed: no school can be flagged on those days."""

from datetime import date

from uplift.casework.flags.base import COASTING, RISE_STUCK, FlagRule, History, Outcome
from uplift.casework.flags.registry import register
from uplift.core.dates import long_date


@register
class CoastingNotDefined(FlagRule):
    """Before 11 January 2017 the law defined no coasting school (section 60B of the
    Education and Inspections Act 2006 came with the Education and Adoption Act 2016 and
    the Coasting Schools (England) Regulations 2017), so no school was coasting."""

    flag = COASTING
    name = "coasting_not_defined"
    applies_from = None
    applies_to = date(2017, 1, 10)

    @classmethod
    def evaluate(cls, history: History) -> Outcome:
        return Outcome(
            False,
            f"On {long_date(history.on)} there was no definition of a coasting school: "
            "the first applies from 11 January 2017.",
        )


@register
class RiseStuckNotDefined(FlagRule):
    """Before 3 February 2025 DfE had no RISE teams and no definition of a "stuck"
    school, so no school was stuck."""

    flag = RISE_STUCK
    name = "rise_stuck_not_defined"
    applies_from = None
    applies_to = date(2025, 2, 2)

    @classmethod
    def evaluate(cls, history: History) -> Outcome:
        return Outcome(
            False,
            f'On {long_date(history.on)} the RISE "stuck" school flag did not exist: DfE '
            "defined it on 3 February 2025.",
        )
