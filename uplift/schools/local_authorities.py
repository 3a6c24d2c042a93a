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


def ensure_local_authorities(
    names: dict[str, str | None], regions: dict[str, str] | None = None
) -> dict[str, LocalAuthority]:
    """Return an LA for each code, creating the missing ones in one bulk insert.

    `names` maps codes to the name the file gives (or None); `regions` (optional) to the
    region the file gives. Existing LAs keep their names: an import never renames an LA as
    a side effect; an existing LA without a region takes the file's.
    """
    regions = {code: region for code, region in (regions or {}).items() if region}
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
                region=regions.get(code) or known.get("region", ""),
                la_type=known.get("type", ""),
            )
        )
    if new:
        LocalAuthority.objects.bulk_create(new)
        existing.update(
            {la.code: la for la in LocalAuthority.objects.filter(code__in=[n.code for n in new])}
        )
    _fill_missing_regions(existing, regions)
    _link_successions(existing)
    return existing


def _fill_missing_regions(las: dict[str, LocalAuthority], regions: dict[str, str]) -> None:
    missing = [la for code, la in las.items() if not la.region and regions.get(code)]
    for la in missing:
        la.region = regions[la.code]
    if missing:
        LocalAuthority.objects.bulk_update(missing, ["region"])


def _link_successions(las: dict[str, LocalAuthority]) -> None:
    from datetime import date

    wanted = [(old, new, day) for old, new, day in SUCCESSIONS if old in las or new in las]
    if not wanted:
        return
    codes = {code for old, new, _ in wanted for code in (old, new)}
    present = {la.code: la for la in LocalAuthority.objects.filter(code__in=codes)}
    linked = set(
        LocalAuthoritySuccession.objects.filter(predecessor__code__in=codes).values_list(
            "predecessor__code", "successor__code"
        )
    )
    links = [
        LocalAuthoritySuccession(
            predecessor=present[old], successor=present[new], effective_on=date.fromisoformat(day)
        )
        for old, new, day in wanted
        if old in present and new in present and (old, new) not in linked
    ]
    if links:  # an import that changes nothing writes nothing
        LocalAuthoritySuccession.objects.bulk_create(links, ignore_conflicts=True)
