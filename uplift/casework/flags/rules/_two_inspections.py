"""The test shared by the inspection-based definitions before report cards: requires
improvement (or DfE's equivalent) at the latest graded inspection, below good at the one
before."""

from uplift.casework.flags.base import History, Outcome
from uplift.casework.flags.grades import below_good, describe, requires_improvement


def latest_ri_previous_below_good(history: History, *, what: str) -> Outcome:
    latest, previous = history.latest, history.previous
    if latest is None:
        return Outcome(False, "No graded inspection by this date: it cannot be decided.", False)
    latest_ri = requires_improvement(latest)
    if latest_ri is None:
        return Outcome(
            False,
            f"The grades of {describe(latest)} were not recorded: it cannot be decided.",
            False,
        )
    if not latest_ri:
        return Outcome(False, f"Not {what}: {describe(latest)} is not requires improvement.")
    if previous is None:
        return Outcome(
            False,
            f"Not {what}: {describe(latest)} is the school's only graded inspection by this "
            "date (a predecessor school's inspections are not checked).",
        )
    previous_below = below_good(previous)
    if previous_below is None:
        return Outcome(
            False,
            f"{describe(latest)[:1].upper()}{describe(latest)[1:]} requires improvement, but "
            f"the grades of {describe(previous)} were not recorded: it cannot be decided.",
            False,
        )
    if not previous_below:
        return Outcome(
            False,
            f"Not {what}: {describe(latest)} requires improvement but {describe(previous)} "
            "was good or better.",
        )
    return Outcome(
        True,
        f"{what[:1].upper()}{what[1:]}: {describe(latest)} requires improvement and "
        f"{describe(previous)} before it was below good.",
    )
