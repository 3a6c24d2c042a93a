from datetime import date
from decimal import Decimal

from uplift.casework.flags.base import COASTING, FlagRule, History, Outcome
from uplift.casework.flags.registry import register
from uplift.core.dates import long_date

RWM, READ, WRITE, MATHS = "ks2.PTRWM_EXP", "ks2.READPROG", "ks2.WRITPROG", "ks2.MATPROG"
P8, P8_UPPER = "ks4.P8MEA", "ks4.P8CIUPP"
KS2 = (RWM, READ, WRITE, MATHS)
KS4 = (P8, P8_UPPER)
# The measures of 2013/14 and 2014/15 (level 4, expected progress, 5 A*-C) are not held.
FIRST_YEAR_HELD = 2016  # the school year 2015/16 (ending in 2016)


def school_years(on: date) -> list[str]:
    """The three most recent school years whose results were published by `on` (DfE
    publishes a year's results by December), oldest first: ["2014-15", "2015-16", "2016-17"]."""
    last_end = on.year if on >= date(on.year, 12, 1) else on.year - 1
    return [f"{end - 1}-{end % 100:02d}" for end in range(last_end - 2, last_end + 1)]


@register
class Coasting2017(FlagRule):
    """Coasting (Coasting Schools (England) Regulations 2017, from 11 January 2017): a
    school's results met the coasting criteria in each of the three most recent school
    years. Key stage 2 from 2015/16: fewer than 85% of pupils at the expected standard in
    reading, writing and maths, and progress below -2.5 in reading, -3.5 in writing or -2.5
    in maths. Key stage 4 from 2015/16: Progress 8 below -0.25 with its upper confidence
    limit below zero. Without three years of results it cannot be decided."""

    flag = COASTING
    name = "coasting_2017"
    applies_from = date(2017, 1, 11)
    applies_to = date(2022, 8, 31)
    measures = KS2 + KS4

    @classmethod
    def evaluate(cls, history: History) -> Outcome:
        years = school_years(history.on)
        span = f"{years[0]} to {years[-1]}"
        stages = [
            (name, measures, test)
            for name, measures, test in (("key stage 2", KS2, _ks2), ("key stage 4", KS4, _ks4))
            if any((m, y) in history.results for m in measures for y in years)
        ]
        if not stages:
            return Outcome(
                False,
                f"No key stage 2 or key stage 4 results for {span} (the three school years "
                f"published by {long_date(history.on)}): the data-based definition cannot be "
                "decided without them.",
                False,
            )
        reasons, undecided = [], False
        for stage, measures, test in stages:
            missing = [
                y
                for y in years
                if int(y[:4]) + 1 < FIRST_YEAR_HELD
                or any(history.results.get((m, y)) is None for m in measures)
            ]
            if missing:
                undecided = True
                reasons.append(
                    f"{stage} results are missing for {', '.join(missing)}, so the "
                    f"definition's three years ({span}) cannot be checked"
                )
                continue
            below = [(y, test(history, y)) for y in years]
            if all(met for _, (met, _) in below):
                return Outcome(
                    True,
                    f"Coasting: {stage} results met the coasting criteria in each of {span}: "
                    + "; ".join(f"{y}: {words}" for y, (_, words) in below)
                    + ".",
                )
            failed = [f"{y}: {words}" for y, (met, words) in below if not met]
            reasons.append(f"{stage} results were above the coasting level in " + "; ".join(failed))
        return Outcome(False, _cap("; ".join(reasons)) + ".", not undecided)


def _ks2(history: History, year: str) -> tuple[bool, str]:
    value = {m: history.results[(m, year)] for m in KS2}
    low = value[RWM] < 85
    slow = [
        f"{label} progress {_n(value[code])}"
        for code, label, limit in (
            (READ, "reading", Decimal("-2.5")),
            (WRITE, "writing", Decimal("-3.5")),
            (MATHS, "maths", Decimal("-2.5")),
        )
        if value[code] < limit
    ]
    words = f"{_n(value[RWM])}% at the expected standard" + (
        f", {', '.join(slow)}" if slow else ", progress not below the limits"
    )
    return low and bool(slow), words


def _ks4(history: History, year: str) -> tuple[bool, str]:
    p8, upper = history.results[(P8, year)], history.results[(P8_UPPER, year)]
    return (
        p8 < Decimal("-0.25") and upper < 0,
        f"Progress 8 {_n(p8)} (upper confidence limit {_n(upper)})",
    )


def _n(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "+0") else text


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
