"""Rules on the dates people state, shared by plans and cycles. The service passes `when`
as (what the date is, the date), for example ("The review date", date(2026, 11, 3)),
and `today`."""

from datetime import date

from uplift.core.dates import long_date
from uplift.support.plans.rules.base import Rule, register

EARLIEST = date(2000, 1, 1)
YEARS_AHEAD = 5

DATED = (
    "create_plan",
    "add_objective",
    "add_milestone",
    "complete_milestone",
    "record_review",
    "mark_objective_achieved",
    "close_plan",
    "start_cycle",
    "record_cycle_step",
)
HAPPENED = (
    "complete_milestone",
    "record_review",
    "mark_objective_achieved",
    "close_plan",
    "start_cycle",
    "record_cycle_step",
)


def latest_sensible(today: date) -> date:
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


@register
class SensibleDate(Rule):
    """{what} ({value}) is not a sensible date: it must be between 1 January 2000 and
    {latest}."""

    code = "sensible_date"
    actions = DATED
    order = 10

    @classmethod
    def broken(cls, **facts):
        latest = latest_sensible(facts["today"])
        for what, value in facts.get("dates", ()):
            if value is not None and not EARLIEST <= value <= latest:
                return {"what": what, "value": long_date(value), "latest": long_date(latest)}
        return None


@register
class NotInFuture(Rule):
    """{what} cannot be in the future: {value} is after today ({today}). Record what has
    happened once it has happened."""

    code = "not_in_future"
    actions = HAPPENED
    order = 60

    @classmethod
    def broken(cls, **facts):
        what, value = facts["when"]
        if value > facts["today"]:
            return {"what": what, "value": long_date(value), "today": long_date(facts["today"])}
        return None
