"""The school page's time, cold and warm, on the demo in PostgreSQL. Prints figures only.

    uv run python bench/school_page.py [--database-url URL] [--schools 8] [--repeat 20]

Uses a database with the demo loaded (BENCH_SCHOOL_PAGE_POSTGRES_URL, default
postgres://postgres@127.0.0.1:5432/uplift_school_page; `uplift migrate && uplift demo`
first). Each figure is read in a new Python process, as a new gunicorn worker would be:

- cold worker: the first school page in a process that never drew a chart (Django set up);
- warmed worker: the same, after `charts.warm_up()` (what gunicorn.conf.py does per worker);
- first visit: other schools' pages in the warmed process, each once (its charts not cached);
- warm: the same page again and again (its charts cached), the median.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get(
    "BENCH_SCHOOL_PAGE_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/uplift_school_page"
)
PERSONA = "la.officer"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=POSTGRES)
    parser.add_argument("--schools", type=int, default=8, help="first visits to time")
    parser.add_argument("--repeat", type=int, default=20, help="warm visits to time")
    parser.add_argument("--child", choices=["cold", "warmed"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.schools, args.repeat)))
        return
    env = {**os.environ, "DATABASE_URL": args.database_url, "DJANGO_DEBUG": "0"}
    runs = {}
    for mode in ("cold", "warmed"):
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                mode,
                f"--schools={args.schools}",
                f"--repeat={args.repeat}",
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            sys.exit(done.stderr)
        runs[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    cold, warmed = runs["cold"], runs["warmed"]
    print(f"school page of URN {cold['urn']} ({cold['charts']} charts), as {PERSONA}")
    print(f"{'':38}{'wall ms':>9}{'CPU ms':>9}")
    rows = [
        ("cold worker, first page", cold["first_ms"]),
        ("warmed worker: the warm-up itself", warmed["warm_up_ms"]),
        ("warmed worker, first page", warmed["first_ms"]),
        ("other schools' first visit (median)", warmed["other_ms"]),
        ("warm, same page again (median)", warmed["warm_ms"]),
    ]
    for label, (wall, cpu) in rows:
        print(f"{label:<38}{wall:>9.1f}{cpu:>9.1f}")


def measure(mode: str, schools: int, repeat: int) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uplift.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import setup_test_environment

    from uplift.core import charts
    from uplift.performance.models import Level, Result
    from uplift.performance.trends import KEY_MEASURES

    setup_test_environment()  # lets the test client in (ALLOWED_HOSTS)
    by_charts = (
        Result.objects.filter(level=Level.SCHOOL, measure__code__in=KEY_MEASURES)
        .values("establishment__urn")
        .annotate(n=Count("measure", distinct=True))
        .order_by("-n", "establishment__urn")
    )
    ranked = [(row["establishment__urn"], row["n"]) for row in by_charts[: schools + 1]]
    client = Client()
    client.force_login(get_user_model().objects.get(username=PERSONA))
    client.get("/")  # Django, templates and the session warmed; no chart drawn yet
    figures = {"urn": ranked[0][0], "charts": ranked[0][1], "warm_up_ms": (0.0, 0.0)}
    if mode == "warmed" and hasattr(charts, "warm_up"):  # (not in the code before it)
        figures["warm_up_ms"] = timed(charts.warm_up)
    page = f"/schools/{ranked[0][0]}/"
    figures["first_ms"] = timed(lambda: client.get(page))
    figures["other_ms"] = median(
        timed(lambda urn=urn: client.get(f"/schools/{urn}/")) for urn, _ in ranked[1:]
    )
    figures["warm_ms"] = median(timed(lambda: client.get(page)) for _ in range(repeat))
    return figures


def timed(call) -> tuple[float, float]:
    """Wall and CPU milliseconds of this process (CPU time stands still while a shared
    machine runs other work; the database's own time is not in it)."""
    started, cpu = time.perf_counter(), time.process_time()
    response = call()
    elapsed = ((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000)
    if response is not None and response.status_code != 200:
        sys.exit(f"answered {response.status_code}")
    return elapsed


def median(pairs) -> tuple[float, float]:
    pairs = list(pairs)
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


if __name__ == "__main__":
    main()
