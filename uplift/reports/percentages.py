"""Percentages as LA reports print them: one decimal place, halves rounded up."""

from decimal import ROUND_HALF_UP, Decimal

ONE_PLACE = Decimal("0.1")


def percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """`part` as a percentage of `whole`, to one decimal place; None when `whole` is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def cell(value) -> str:
    """A CSV cell: '' for None, numbers as written."""
    return "" if value is None else str(value)
