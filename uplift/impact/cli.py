"""`uplift report impact --deployment ID | --commission ID | --case ID | --cycle ID |
--grant ID [--save] [--format csv|json]`: a piece of support's impact, as on its page.
--save also keeps the findings for the track records. Wrong usage exits with status 2."""

import json

from django.core.exceptions import ObjectDoesNotExist
from django.core.management.base import CommandError

from uplift.audit.models import Via
from uplift.core.csv_files import csv_text
from uplift.impact import services
from uplift.impact.models import PieceKind
from uplift.impact.pieces import piece_unscoped
from uplift.impact.selectors import piece_impact
from uplift.reports.extra import ExtraReport

USAGE = 2
HEADER = (
    "measure",
    "label",
    "before",
    "after",
    "change",
    "similar_before",
    "similar_after",
    "similar_change",
    "difference",
    "matched_schools",
    "verdict",
)


def add_arguments(group) -> None:
    for kind in PieceKind.values:
        group.add_argument(f"--{kind}", type=int, metavar="ID", help=f"the {kind}'s id")
    group.add_argument("--save", action="store_true", help="keep the findings for track records")


def _figure(value):
    return "" if value is None else round(value, 3)


def run(options: dict, write) -> None:
    chosen = [(kind, options.get(kind)) for kind in PieceKind.values if options.get(kind)]
    if len(chosen) != 1:
        raise CommandError(
            "name one piece of support: --deployment, --commission, --case, --cycle or --grant",
            returncode=USAGE,
        )
    kind, pk = chosen[0]
    try:
        piece = piece_unscoped(kind=kind, pk=pk)
    except ObjectDoesNotExist:
        raise CommandError(f"there is no {kind} {pk}", returncode=USAGE) from None
    results = piece_impact(piece)
    rows = [
        (
            r.outcome.key,
            r.outcome.label,
            _figure(r.before),
            _figure(r.after),
            _figure(r.change),
            _figure(r.comparison_before),
            _figure(r.comparison_after),
            _figure(r.comparison_change),
            _figure(r.gain),
            r.matches,
            r.verdict,
        )
        for r in results
    ]
    if options.get("save"):
        services.save_findings(piece=piece, actor=None, via=Via.CLI)
    if options.get("output_format") == "json":
        document = {
            "kind": kind,
            "id": pk,
            "title": piece.title,
            "measures": [dict(zip(HEADER, row, strict=True)) for row in rows],
        }
        write(json.dumps(document, indent=2) + "\n", ending="")
        return
    write(csv_text(HEADER, rows), ending="")


IMPACT_REPORT = ExtraReport("impact", add_arguments, run)
