"""PDF profile benchmark. Prints figures; asserts nothing.

    uv run python bench/profiles_pdf.py [--sample N]

On a fresh SQLite database in a temporary folder: `uplift demo` (which publishes the round
2026-autumn), then generates and stores the PDF profile of every n-th school of that round
(N schools spread across it, so the sample holds schools with full charts as well as
nameless schools with few), with the service the background task uses. Prints the time per
profile (median and slowest) and its ratio to the goal of 0.5 s and to a floor: WeasyPrint
turning a one-page document of the same stylesheet into a PDF.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOAL_SECONDS = 0.5
DEMO_ROUND = "2026-autumn"


def prepare_database() -> str:
    var = tempfile.mkdtemp(prefix="uplift-bench-profiles-")
    os.environ.update(UPLIFT_VAR_DIR=var, DJANGO_SETTINGS_MODULE="uplift.settings")
    os.environ.pop("DATABASE_URL", None)
    for command in (["migrate", "-v0"], ["demo"]):
        subprocess.run(
            [sys.executable, "-m", "uplift.cli", *command],
            env=dict(os.environ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return var


def every_nth(items: list, count: int) -> list:
    step = max(len(items) // max(count, 1), 1)
    return items[::step][:count]


def floor_seconds() -> float:
    """A one-page PDF through WeasyPrint: what any PDF costs before the profile's content."""
    from weasyprint import HTML

    html = "<html><body><h1>Profile</h1><p>One paragraph.</p></body></html>"
    HTML(string=html).write_pdf()  # warm the fonts
    started = time.perf_counter()
    for _ in range(5):
        HTML(string=html).write_pdf()
    return (time.perf_counter() - started) / 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=30, help="how many schools, spread out")
    args = parser.parse_args()
    var = prepare_database()

    import django

    django.setup()
    from uplift.profiles import selectors, services

    round_ = selectors.profile_round(la_code="919", round_code=DEMO_ROUND)
    schools = every_nth(list(services.round_establishments(round_)), args.sample)
    times = []
    for school in schools:
        started = time.perf_counter()
        services.generate_document(round_=round_, establishment=school)
        times.append(time.perf_counter() - started)
    floor = floor_seconds()
    median, slowest = statistics.median(times), max(times)
    print(f"database: {var}/uplift.sqlite3")
    print(f"profiles: {len(times)} of the round {round_}, every n-th school")
    print(f"seconds per profile: median {median:.3f}, slowest {slowest:.3f}")
    print(f"ratio to the goal of {GOAL_SECONDS} s: median {median / GOAL_SECONDS:.2f}")
    print(f"floor (a one-page PDF): {floor:.3f} s; ratio median {median / floor:.1f}")


if __name__ == "__main__":
    main()
