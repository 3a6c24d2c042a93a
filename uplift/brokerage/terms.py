"""School terms as Uplift counts a leader's capacity: autumn (September to December), spring
(January to March) and summer (April to August)."""

from datetime import date


def term_of(day: date) -> tuple[str, date, date]:
    """The term a day falls in: its name, first and last day."""
    if day.month >= 9:
        return f"Autumn {day.year}", date(day.year, 9, 1), date(day.year, 12, 31)
    if day.month <= 3:
        return f"Spring {day.year}", date(day.year, 1, 1), date(day.year, 3, 31)
    return f"Summer {day.year}", date(day.year, 4, 1), date(day.year, 8, 31)


def academic_year_of(day: date) -> str:
    """1 September 2026 to 31 August 2027 is "2026-27"."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def postcode_district(postcode: str) -> str:
    """The outward code of a UK postcode ("SG1 2AB" -> "SG1"), or "" when there is none."""
    text = (postcode or "").upper().strip()
    if not text:
        return ""
    if " " in text:
        return text.split()[0]
    return text[:-3] if len(text) > 4 else text


def postcode_area(postcode: str) -> str:
    """The letters that start a postcode ("SG1 2AB" -> "SG")."""
    district = postcode_district(postcode)
    letters = ""
    for char in district:
        if not char.isalpha():
            break
        letters += char
    return letters
