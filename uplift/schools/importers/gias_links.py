"""`uplift import gias-links FILE`: GIAS links between establishments
(links_edubasealldataYYYYMMDD.csv): predecessors and successors by URN.

The national file has some 34,000 rows, so existing links are read in one query and all
changes are written in bulk. A link is keyed by URN, linked URN and link type; both ends
are kept as URNs because the other end may not be in the register.
"""

from dataclasses import dataclass
from datetime import date

from uplift.imports.base import Importer
from uplift.imports.cells import Cells
from uplift.imports.errors import RowError
from uplift.imports.registry import register
from uplift.imports.sync import ADDED, UPDATED, Record, Tally, sync_records
from uplift.schools.models import EstablishmentLink

URN, LINK_URN, LINK_NAME, LINK_TYPE, LINK_DATE = (
    "URN",
    "LinkURN",
    "LinkName",
    "LinkType",
    "LinkEstablishedDate",
)


@dataclass(frozen=True)
class LinkRow:
    urn: int
    linked_urn: int
    linked_name: str
    link_type: str
    established_on: date | None

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.urn, self.linked_urn, self.link_type)


def _max_length(field_name: str) -> int:
    return EstablishmentLink._meta.get_field(field_name).max_length


@register
class GiasLinksImporter(Importer):
    name = "gias-links"
    label = "GIAS establishment links"
    description = (
        "Get Information About Schools links download (links_edubasealldataYYYYMMDD.csv): "
        "predecessor and successor URNs of each establishment."
    )
    required_columns = (URN, LINK_URN, LINK_TYPE)

    def parse_row(self, cells: Cells) -> LinkRow | None:
        urn = cells.urn(URN, required=True)
        linked_urn = cells.urn(LINK_URN, required=True)
        linked_name = cells.text(LINK_NAME, max_length=_max_length("linked_name"))
        link_type = cells.text(LINK_TYPE, required=True, max_length=_max_length("link_type"))
        established_on = cells.date(LINK_DATE)
        if urn is None or linked_urn is None:
            return None
        return LinkRow(urn, linked_urn, linked_name, link_type, established_on)

    def check_file(self, parsed: list[tuple[int, LinkRow]]) -> list[RowError]:
        first_row: dict[tuple, int] = {}
        errors = []
        for number, link in parsed:
            if link.key in first_row:
                errors.append(
                    RowError(
                        self.table.file_name,
                        number,
                        f"{URN}, {LINK_URN}, {LINK_TYPE}",
                        f"{link.urn}, {link.linked_urn}, {link.link_type}",
                        f"the same link is on row {first_row[link.key]} and row {number}",
                    )
                )
            else:
                first_row[link.key] = number
        return errors

    def write(self, parsed: list[tuple[int, LinkRow]], tally: Tally) -> str:
        wanted = {link.key for _, link in parsed}
        urns = [link.urn for _, link in parsed]
        existing = {
            key: link
            for link in EstablishmentLink.objects.filter(urn__gte=min(urns), urn__lte=max(urns))
            if (key := (link.urn, link.linked_urn, link.link_type)) in wanted
        }
        records = (
            Record(
                number,
                link.key,
                {
                    "urn": link.urn,
                    "linked_urn": link.linked_urn,
                    "linked_name": link.linked_name,
                    "link_type": link.link_type,
                    "established_on": link.established_on,
                },
            )
            for number, link in parsed
        )
        sync_records(EstablishmentLink, records, existing=existing, tally=tally)
        return (
            f"{len(parsed)} links of {len(set(urns))} establishments: "
            f"{tally.count(ADDED)} new, {tally.count(UPDATED)} changed."
        )
