"""Categorisation benchmark at national size. Prints figures; asserts nothing.

    uv run python bench/categorise_national.py [--raw ../shared/data/raw] [--database sqlite]

Imports the national 2018-19 performance tables (census, KS2 and KS4 with their Ofsted
columns, absence: about 24,000 schools with real results and grades) into a fresh database,
records an officer judgement for every fifth school, then for each preset times reading
the inputs (selectors.gather_evidence over every school) and evaluating the policy on them.
ratio = (reading + evaluating) / reading: what categorising costs beyond reading its inputs.
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_db import use_fresh_database  # noqa: E402

POSTGRES_URL = os.environ.get(
    "UPLIFT_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/uplift_categ_bench"
)
FILES = [
    ("dfe_performance_tables_2018-19_census_national.csv", "census"),
    ("dfe_performance_tables_2018-19_ks2_national_subset_with_ofsted_scrape.csv", "ks2"),
    ("dfe_performance_tables_2018-19_ks4_national_subset_with_ofsted_scrape.csv", "ks4"),
    ("dfe_performance_tables_2018-19_absence_national.csv", "absence"),
]
AS_AT = date(2019, 12, 1)  # the 2018-19 results are the latest finished year


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--raw", default=str(ROOT.parent / "shared" / "data" / "raw"))
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    raw = Path(args.raw)
    missing = [name for name, _ in FILES if not (raw / name).is_file()]
    if missing:
        sys.exit(f"the national files are not in {raw}: {', '.join(missing)} (use --raw)")
    with tempfile.TemporaryDirectory(prefix="uplift-categorise-") as tmp:
        use_fresh_database(args.database, var_dir=tmp, postgres_url=POSTGRES_URL)
        run(raw, args.database)


def run(raw: Path, database: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uplift.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    load_inputs(raw)
    from uplift.audit.models import Via
    from uplift.categorisation import services
    from uplift.categorisation.engine import evaluate
    from uplift.categorisation.presets import presets
    from uplift.categorisation.selectors import gather_evidence, open_on
    from uplift.schools.models import Establishment, LocalAuthority

    schools = Establishment.objects.filter(open_on(AS_AT)).order_by("pk")
    la = LocalAuthority.objects.order_by("code").first()
    print(f"\n== {database}: {schools.count():,} open schools, evidence as at {AS_AT}")
    print(
        f"{'preset':<20} {'read s':>8} {'evaluate s':>11} {'total s':>8} {'ratio':>6} "
        f"{'us/school':>10}  categories"
    )
    for code in presets():
        version = services.create_policy_from_preset(
            actor=None, via=Via.SYSTEM, la=la, preset=code, name=code, reason="benchmark"
        )
        start = time.perf_counter()
        evidence = gather_evidence(establishments=schools, policy_versions=[version], as_at=AS_AT)
        read = time.perf_counter() - start
        start = time.perf_counter()
        outcomes = [evaluate(policy_version=version, evidence=e) for _, e in evidence]
        evaluating = time.perf_counter() - start
        total = read + evaluating
        counts = {}
        for outcome in outcomes:
            counts[outcome.category] = counts.get(outcome.category, 0) + 1
        order = [c.code for c in version.parsed.categories]
        shown = " ".join(f"{c}:{counts.get(c, 0)}" for c in order)
        print(
            f"{code:<20} {read:>8.2f} {evaluating:>11.2f} {total:>8.2f} {total / read:>6.2f} "
            f"{evaluating / len(outcomes) * 1e6:>10.0f}  {shown}",
            flush=True,
        )


def load_inputs(raw: Path) -> None:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from uplift.categorisation.models import OfficerJudgement
    from uplift.imports.services import run_import
    from uplift.schools.models import Establishment

    for name, dataset in FILES:
        start = time.perf_counter()
        imported = run_import(
            importer_name="performance",
            path=raw / name,
            options={"dataset": dataset, "year": "2018-19"},
            actor="bench",
        )
        print(f"imported {name}: {imported.rows_read:,} rows in {time.perf_counter() - start:.1f}s")
    officer = get_user_model().objects.create_user(username="bench.officer")
    values = ["strength", "secure", "concern", "secure", "secure"]
    judged = Establishment.objects.order_by("pk").values_list("pk", flat=True)[::5]
    OfficerJudgement.objects.bulk_create(
        OfficerJudgement(
            establishment_id=pk,
            criterion=criterion,
            value=values[(pk + n) % len(values)],
            evidence="benchmark visit",
            recorded_by=officer,
            recorded_at=timezone.make_aware(timezone.datetime(2019, 11, 1)),
            judged_on=timezone.datetime(2019, 11, 1).date(),
        )
        for pk in judged
        for n, criterion in enumerate(("self_evaluation", "capacity_to_improve", "capacity"))
    )
    print(f"recorded {3 * len(judged):,} officer judgements")


if __name__ == "__main__":
    main()
