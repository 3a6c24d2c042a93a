"""Who a policy categorises: its `scope` section says, for each kind of school
(uplift.schools.kinds), whether the LA categorises it, monitors it only, or leaves it out,
and which register statuses count.

    "scope": {"maintained": "categorise", "academy": "monitor", "independent": "exclude",
              "unknown": "categorise", "statuses": ["Open", "Open, but proposed to close"]}

A policy without the section has the default: open state-funded schools the LA maintains,
plus academies in its area on a monitoring-only footing; independent schools are out unless
the LA opts in. A school with no status recorded counts as open; whether a closed or
proposed school was open on the round's date is read from its dates (selectors.open_on)."""

from dataclasses import dataclass

from uplift.categorisation.conditions import Problem
from uplift.schools.kinds import ACADEMY, INDEPENDENT, KIND_WORDS, MAINTAINED, UNKNOWN, school_kind

CATEGORISE, MONITOR, EXCLUDE = "categorise", "monitor", "exclude"
FOOTINGS = (CATEGORISE, MONITOR, EXCLUDE)
FOOTING_WORDS = {
    CATEGORISE: "categorised",
    MONITOR: "categorised for monitoring only",
    EXCLUDE: "not categorised",
}
DEFAULT = {
    MAINTAINED: CATEGORISE,
    ACADEMY: MONITOR,
    INDEPENDENT: EXCLUDE,
    UNKNOWN: CATEGORISE,
    "statuses": ["Open", "Open, but proposed to close"],
}


@dataclass(frozen=True)
class Scope:
    footings: dict  # kind -> footing
    statuses: tuple[str, ...]

    def footing(self, establishment) -> str:
        """How the policy treats the school: categorise, monitor or exclude."""
        status = (getattr(establishment, "status", "") or "").strip().lower()
        dated = status.startswith(("closed", "proposed to open"))  # open_on reads the dates
        if status and not dated and status not in {s.lower() for s in self.statuses}:
            return EXCLUDE
        kind = school_kind(
            type_name=getattr(establishment, "type_name", ""),
            type_group=getattr(establishment, "type_group", ""),
        )
        return self.footings[kind]

    def sentences(self) -> list[str]:
        """The scope in words, one sentence per kind, then the statuses."""
        said = [
            f"{KIND_WORDS[kind][:1].upper()}{KIND_WORDS[kind][1:]}: {FOOTING_WORDS[footing]}."
            for kind, footing in self.footings.items()
        ]
        said.append(f"Register statuses that count: {', '.join(self.statuses)}.")
        return said


def parse_scope(value, problems: list[Problem]) -> Scope:
    if value is None:
        value = {}
    if not isinstance(value, dict):
        problems.append(Problem("scope", "must be an object"))
        value = {}
    kinds = (MAINTAINED, ACADEMY, INDEPENDENT, UNKNOWN)
    for key in sorted(set(value) - set(kinds) - {"statuses"}):
        if not key.startswith("\x00"):
            problems.append(
                Problem(f"scope.{key}", f"unknown key; use {', '.join(kinds)} and statuses")
            )
    footings = {}
    for kind in kinds:
        footing = value.get(kind, DEFAULT[kind])
        if footing not in FOOTINGS:
            problems.append(Problem(f"scope.{kind}", f"must be one of {', '.join(FOOTINGS)}"))
            footing = DEFAULT[kind]
        footings[kind] = footing
    statuses = value.get("statuses", DEFAULT["statuses"])
    if (
        not isinstance(statuses, list)
        or not statuses
        or not all(isinstance(s, str) and s.strip() for s in statuses)
    ):
        problems.append(Problem("scope.statuses", "must be a non-empty list of statuses"))
        statuses = DEFAULT["statuses"]
    return Scope(footings, tuple(s.strip() for s in statuses))
