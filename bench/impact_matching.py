"""Impact benchmark: the matched comparison on a national-size register. Prints figures;
asserts nothing.

    uv run python bench/impact_matching.py [--database sqlite|postgres] [--schools 24000]

Generates (seeded, in a fresh database) a register of the size of England's: about 24,000
schools in 150 LAs with phase, pupils and % free school meals, a graded inspection before
2019 for each, and per school the measures the impact pages read (key stage 2 or 4, and
absence) for 2018-19 and 2023-24. Then, for 20 supported schools in turn, times
impact.matching.impact_of over the default measures of a deployment (strata, nearest
neighbours, difference in differences) beside a floor: reading, with one values_list per
measure, every result of the school's phase that a comparison could use.
ratio = matched comparison seconds / floor seconds.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_db import use_fresh_database  # noqa: E402

POSTGRES_URL = os.environ.get(
    "UPLIFT_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/uplift_impact_bench"
)
YEARS = ("2018-19", "2023-24")
SUPPORTED = 20


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--schools", type=int, default=24_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="uplift-impact-") as tmp:
        use_fresh_database(args.database, var_dir=tmp, postgres_url=POSTGRES_URL)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uplift.settings")
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        start = time.perf_counter()
        supported = generate(args.schools)
        print(f"generated {args.schools:,} schools in {time.perf_counter() - start:.1f}s")
        run(args.database, supported)


def generate(count: int) -> list[int]:
    from uplift.inspections.models import Inspection, InspectionKind, InspectionSource
    from uplift.performance.models import Level, Measure, Result
    from uplift.schools.models import Establishment, LocalAuthority

    rng = random.Random(15)
    las = LocalAuthority.objects.bulk_create(
        LocalAuthority(code=f"{800 + n:03d}", name=f"Authority {n}") for n in range(150)
    )
    phases = ["primary"] * 7 + ["secondary"] * 2 + ["special"]
    schools = Establishment.objects.bulk_create(
        Establishment(
            urn=100_000 + n,
            la=las[n % len(las)],
            name=f"School {n}",
            status="Open",
            phase_group=(phase := rng.choice(phases)),
            pupils=max(30, int(rng.gauss(300 if phase == "primary" else 1000, 120))),
            percent_fsm=Decimal(f"{min(max(rng.gauss(22, 12), 0), 80):.1f}"),
        )
        for n in range(count)
    )
    Inspection.objects.bulk_create(
        Inspection(
            establishment=s,
            framework="cif2015",
            kind=InspectionKind.GRADED,
            start_date=date(2016 + rng.randrange(3), 1 + rng.randrange(12), 1),
            overall_grade=rng.choice([1, 2, 2, 2, 2, 3, 3, 4]),
            source=InspectionSource.MANUAL,
        )
        for s in schools
    )
    specs = {
        "ks2.READPROG": ("primary", 0.0, 2.0),
        "ks2.PTRWM_EXP": ("primary", 65.0, 12.0),
        "ks4.ATT8SCR": ("secondary", 46.0, 8.0),
        "ks4.P8MEA": ("secondary", 0.0, 0.5),
        "absence.PERCTOT": ("", 5.0, 1.2),
    }
    for code, (phase, centre, spread) in specs.items():
        dataset, column = code.split(".")
        measure = Measure.objects.create(
            code=code, dataset=dataset, source_column=column, label=code
        )
        Result.objects.bulk_create(
            (
                Result(
                    measure=measure,
                    academic_year=year,
                    level=Level.SCHOOL,
                    subject_key=f"urn:{s.urn}",
                    establishment=s,
                    value=Decimal(f"{rng.gauss(centre, spread):.2f}"),
                )
                for s in schools
                if not phase or s.phase_group == phase
                for year in YEARS
            ),
            batch_size=5000,
        )
    primaries = [s.pk for s in schools if s.phase_group == "primary"]
    secondaries = [s.pk for s in schools if s.phase_group == "secondary"]
    return rng.sample(primaries, SUPPORTED * 3 // 4) + rng.sample(secondaries, SUPPORTED // 4)


def run(database: str, supported: list[int]) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from uplift.impact.matching import impact_of
    from uplift.impact.measures import DEFAULTS, OUTCOMES
    from uplift.impact.pieces import Piece
    from uplift.performance.models import Result
    from uplift.schools.models import Establishment

    keys = DEFAULTS["deployment"]
    timings, floors, queries, matches = [], [], [], []
    for pk in supported:
        piece = Piece(
            "deployment",
            pk,
            "bench",
            "bench",
            (pk,),
            date(2020, 1, 6),
            date(2022, 7, 22),
            True,
            "",
            None,
        )
        phase = Establishment.objects.get(pk=pk).phase_group
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            results = impact_of(piece, keys)
        timings.append(time.perf_counter() - start)
        queries.append(len(captured.captured_queries))
        matches.append(max((r.matches for r in results), default=0))
        start = time.perf_counter()
        for key in keys:
            code = getattr(OUTCOMES[key], "code", "")
            if code:
                list(
                    Result.objects.filter(
                        measure__code=code, establishment__phase_group=phase
                    ).values_list("establishment_id", "academic_year", "value")
                )
        floors.append(time.perf_counter() - start)
    total, floor = sum(timings), sum(floors)
    print(f"\n== {database}: {Establishment.objects.count():,} schools, {len(supported)} pieces")
    print(f"{'':<28} {'median s':>9} {'slowest s':>10} {'total s':>8} {'ratio':>6}")
    print(
        f"{'floor (values_list)':<28} {median(floors):>9.3f} {max(floors):>10.3f} "
        f"{floor:>8.2f} {1:>6.1f}"
    )
    print(
        f"{'matched comparison':<28} {median(timings):>9.3f} {max(timings):>10.3f} "
        f"{total:>8.2f} {total / floor:>6.1f}"
    )
    print(
        f"queries per piece: {min(queries)} to {max(queries)}; matches per measure up to "
        f"{max(matches)}"
    )


if __name__ == "__main__":
    main()
