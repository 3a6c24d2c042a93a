"""Finding or creating local authorities by DfE code, in bulk, for every importer.

Names and regions come from the file being imported when it has them, else from DfE's
list of LA codes shipped in data/la_codes.csv (from the LAIT code list).
"""

import csv
from functools import cache
from pathlib import Path

from uplift.schools.models import LocalAuthority, LocalAuthoritySuccession

CODE_LIST = Path(__file__).parent / "data" / "la_codes.csv"

# Local government reorganisations that changed DfE LA codes: (old, new, effective date).
SUCCESSIONS = (
    ("928", "940", "2021-04-01"),  # Northamptonshire -> North Northamptonshire
    ("928", "941", "2021-04-01"),  # Northamptonshire -> West Northamptonshire
    ("909", "942", "2023-04-01"),  # Cumbria -> Cumberland
    ("909", "943", "2023-04-01"),  # Cumbria -> Westmorland and Furness
)


@cache
def known_las() -> dict[str, dict[str, str]]:
    """DfE LA code -> {'name', 'region', 'type'} from the shipped code list."""
    with open(CODE_LIST, newline="", encoding="utf-8") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


def normalise_code(text: str) -> str | None:
    """'919', '919.0' or 919 -> '919'; anything else -> None."""
    text = str(text).strip()
    if text.endswith(".0"):
        text = text[:-2]
    return text.zfill(3) if text.isdigit() and 1 <= len(text) <= 3 else None


def ensure_local_authorities(names: dict[str, str | None]) -> dict[str, LocalAuthority]:
    """Return an LA for each code, creating the missing ones in one bulk insert.

    `names` maps codes to the name the file gives (or None). Existing LAs keep their
    names: an import never renames an LA as a side effect.
    """
    existing = {la.code: la for la in LocalAuthority.objects.filter(code__in=list(names))}
    new = []
    for code, name in names.items():
        if code in existing:
            continue
        known = known_las().get(code, {})
        new.append(
            LocalAuthority(
                code=code,
                name=name or known.get("name") or f"LA {code}",
                region=known.get("region", ""),
                la_type=known.get("type", ""),
            )
        )
    if new:
        LocalAuthority.objects.bulk_create(new)
        existing.update(
            {la.code: la for la in LocalAuthority.objects.filter(code__in=[n.code for n in new])}
        )
    _link_successions(existing)
    return existing


def _link_successions(las: dict[str, LocalAuthority]) -> None:
    from datetime import date

    wanted = [(old, new, day) for old, new, day in SUCCESSIONS if old in las or new in las]
    if not wanted:
        return
    codes = {code for old, new, _ in wanted for code in (old, new)}
    present = {la.code: la for la in LocalAuthority.objects.filter(code__in=codes)}
    links = [
        LocalAuthoritySuccession(
            predecessor=present[old], successor=present[new], effective_on=date.fromisoformat(day)
        )
        for old, new, day in wanted
        if old in present and new in present
    ]
    LocalAuthoritySuccession.objects.bulk_create(links, ignore_conflicts=True)
