"""`uplift profiles --la 919 --round 2026-autumn --out DIR`: generate every school's PDF
profile for the round (the same service as the background task) and write them to DIR as
URN_name.pdf, with a progress bar on a terminal."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from uplift.profiles import selectors, services
from uplift.schools.local_authorities import normalise_code

USAGE = 2


class Command(BaseCommand):
    help = "Write the PDF performance profile of every school in a round to a folder."

    def add_arguments(self, parser):
        parser.add_argument("--la", required=True, help="the DfE LA code, e.g. 919")
        parser.add_argument("--round", required=True, help="the round, e.g. 2026-autumn")
        parser.add_argument("--out", required=True, type=Path, help="the folder to write to")

    def handle(self, *args, **opts):
        round_ = selectors.profile_round(
            la_code=normalise_code(opts["la"]) or opts["la"], round_code=opts["round"]
        )
        if round_ is None:
            raise CommandError(
                f"no round {opts['round']} for LA {opts['la']}: run uplift categorise first",
                returncode=USAGE,
            )
        out: Path = opts["out"]
        out.mkdir(parents=True, exist_ok=True)
        schools = list(services.round_establishments(round_))
        # disable=None: a bar on a terminal, nothing when the output is redirected.
        for school in tqdm(schools, desc="Profiles", unit="school", disable=None):
            document = services.generate_document(round_=round_, establishment=school)
            with document.file.open("rb") as pdf:
                (out / services.pdf_name(school)).write_bytes(pdf.read())
        self.stdout.write(f"Wrote {len(schools)} profiles of {round_} to {out}")
