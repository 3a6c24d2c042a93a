"""Round codes such as '2026-autumn': the year and term, and the date a round reads evidence at.

Rounds follow the School Performance Profiles: September (autumn), December or January
(spring; '2027-spring' is the one in January 2027) and April (summer).
"""

import re
from dataclasses import dataclass
from datetime import date

from uplift.categorisation.models import Term
from uplift.core.errors import Refused

CODE = re.compile(r"(?P<year>20\d\d)-(?P<term>autumn|spring|summer)")
TERM_STARTS = {Term.AUTUMN: (9, 1), Term.SPRING: (1, 1), Term.SUMMER: (4, 1)}


class BadRoundCode(Refused, ValueError):
    pass


@dataclass(frozen=True)
class RoundCode:
    code: str
    year: int
    term: str

    @property
    def as_at(self) -> date:
        month, day = TERM_STARTS[self.term]
        return date(self.year, month, day)


def parse_round_code(text: str) -> RoundCode:
    match = CODE.fullmatch((text or "").strip().lower())
    if match is None:
        raise BadRoundCode(
            f"{text!r} is not a round code: use the year and term, e.g. 2026-autumn, "
            "2027-spring or 2027-summer"
        )
    return RoundCode(match.group(0), int(match.group("year")), match.group("term"))
