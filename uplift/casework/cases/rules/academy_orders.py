"""Academy orders for maintained schools in an Ofsted category, by the law in force on a
date: until 28 June 2026 the Secretary of State had a duty to make one for a maintained
school in special measures or requiring significant improvement (Academies Act 2010
s.4(A1)); from 29 June 2026 the Children's Wellbeing and Schools Act 2026 (s.58) made that
duty a power. Kept as dated data, so that a case shows the rule of the day it looks at."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class AcademyOrderRule:
    starts_on: date | None
    ends_on: date | None
    text: str

    def in_force_on(self, on: date) -> bool:
        return (self.starts_on is None or on >= self.starts_on) and (
            self.ends_on is None or on <= self.ends_on
        )


POWER_FROM = date(2026, 6, 29)

RULES = (
    AcademyOrderRule(
        None,
        date(2026, 6, 28),
        "The Secretary of State must make an academy order for a maintained school in special "
        "measures or requiring significant improvement (a duty under the Academies Act 2010 "
        "s.4(A1), in force until 28 June 2026).",
    ),
    AcademyOrderRule(
        POWER_FROM,
        None,
        "The Secretary of State may make an academy order for a maintained school in special "
        "measures or requiring significant improvement: since 29 June 2026 this is a power, no "
        "longer a duty (Children's Wellbeing and Schools Act 2026 s.58). DfE's policy keeps "
        "structural change as the default for special measures.",
    ),
)


def academy_order_note(on: date) -> str:
    """What the law said about academy orders on `on`."""
    return next(rule.text for rule in RULES if rule.in_force_on(on))
