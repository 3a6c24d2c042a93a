"""Money as integer pence, shown as pounds: 250000 -> "£2,500.00"."""

from decimal import Decimal, InvalidOperation

from uplift.core.errors import Refused


def pounds(pence: int) -> str:
    """Pence as a person reads them: "£2,500.00" (a minus sign before the pound sign)."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(int(pence)), 100)
    return f"{sign}£{whole:,}.{part:02d}"


def parse_pounds(text: str, *, what: str = "the amount") -> int:
    """ "£2,500.50" or "2500.5" as pence; refuses anything else with what was typed."""
    cleaned = str(text).strip().replace(",", "").removeprefix("£").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise Refused(f"Enter {what} in pounds, for example 2,500.00 (not {text!r})") from None
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        raise Refused(f"Enter {what} in pounds and pence, for example 2,500.00 (not {text!r})")
    return int(value * 100)
