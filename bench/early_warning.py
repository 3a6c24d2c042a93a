"""Early-warning benchmark: training and scoring time for about 20,000 schools. Prints
figures; asserts nothing.

    uv run python bench/early_warning.py [--schools 20000] [--database sqlite]

Makes a synthetic register of that many schools in a fresh database, each graded every two
to four years from 2006 (about 90,000 inspections: some slide a grade at a time, the others
hold theirs), then times reading the history, building the training examples, training,
scoring as at 1 September 2017, and `score_schools` end to end (storing every assessment).
The floor is reading the same inspection rows with values_list: ratio = time / floor.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_db import use_fresh_database  # noqa: E402

POSTGRES_URL = os.environ.get(
    "UPLIFT_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/uplift_ew_bench"
)
AS_AT = date(2017, 9, 1)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--schools", type=int, default=20_000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="uplift-early-warning-") as tmp:
        use_fresh_database(args.database, var_dir=tmp, postgres_url=POSTGRES_URL)
        run(args.schools, args.database)


def make_history(count: int) -> int:
    from uplift.inspections import frameworks
    from uplift.inspections.models import Inspection, InspectionKind, InspectionSource
    from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup

    rng = random.Random(2017)
    las = [LocalAuthority.objects.create(code=f"{800 + n}", name=f"LA {n}") for n in range(150)]
    phases = [PhaseGroup.PRIMARY] * 4 + [PhaseGroup.SECONDARY, PhaseGroup.SPECIAL]
    schools = Establishment.objects.bulk_create(
        (
            Establishment(
                urn=100000 + n,
                la=las[n % len(las)],
                name=f"School {n}",
                phase_group=phases[n % len(phases)],
                status="Open",
            )
            for n in range(count)
        ),
        batch_size=2000,
    )
    rows = []
    for school in schools:
        sliding = rng.random() < 0.3
        grade = rng.choice((1, 2, 2, 2, 3))
        day = date(2006, 1, 1) + timedelta(days=rng.randrange(0, 1000))
        while day < AS_AT:
            rows.append(
                Inspection(
                    establishment=school,
                    framework=frameworks.framework_on(day).code,
                    kind=InspectionKind.GRADED,
                    start_date=day,
                    overall_grade=grade,
                    source=InspectionSource.HISTORY,
                )
            )
            step = 1 if sliding else rng.choice((-1, 0, 0, 0, 0, 0, 1))
            grade = max(1, min(4, grade + step))
            day += timedelta(days=rng.randrange(730, 1461))
    Inspection.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def timed(label: str, floor: float | None, action):
    start = time.perf_counter()
    value = action()
    took = time.perf_counter() - start
    ratio = f"{took / floor:>6.1f}" if floor else f"{1:>6.1f}"
    print(f"{label:<34} {took:>8.2f} {ratio}", flush=True)
    return value, took


def run(count: int, database: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uplift.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    inspections = make_history(count)
    print(f"\n== {database}: {count:,} schools, {inspections:,} inspections "
          f"(made in {time.perf_counter() - start:.0f}s); as at {AS_AT}")  # fmt: skip

    from uplift.earlywarning import model
    from uplift.earlywarning.features import features_at
    from uplift.earlywarning.history import load_history
    from uplift.earlywarning.reasons import all_reasons
    from uplift.earlywarning.services import score_schools
    from uplift.inspections.models import Inspection

    print(f"{'step':<34} {'seconds':>8} {'ratio':>6}")
    rows = Inspection.objects.values_list("establishment_id", "start_date", "overall_grade")
    _, floor = timed("floor (values_list of inspections)", None, lambda: list(rows.all()))
    history, _ = timed("read the history", floor, lambda: load_history(before=AS_AT))
    label = f"training examples ({model.SNAPSHOTS} snapshots)"
    timed(label, floor, lambda: model.examples(history, AS_AT))
    trained, _ = timed("train (validate + fit)", floor, lambda: model.train(history, AS_AT))
    snap, _ = timed("features as at the date", floor, lambda: features_at(history, AS_AT))
    timed("score", floor, lambda: trained.risk(snap.matrix))
    timed("reasons in words", floor, lambda: all_reasons(snap))
    run_, _ = timed("score_schools end to end", floor, lambda: score_schools(as_at=AS_AT))
    print(f"method: {trained.method}; trained on {trained.trained_on:,} school-years; "
          f"scored {run_.scored:,}; validation {trained.validation}")  # fmt: skip


if __name__ == "__main__":
    main()
