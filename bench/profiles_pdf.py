"""PDF profile benchmark. Prints figures; asserts nothing.

    uv run python bench/profiles_pdf.py [--limit N]

On a fresh SQLite database in a temporary folder: `uplift demo`, then `uplift categorise
--la 919 --round 2026-autumn --preset peterborough_2013`, then generates and stores the PDF
profile of every school in the round (or the first N) with the same service the background
task uses, and prints the time per profile.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, help="only the first N schools (by name)")
    args = parser.parse_args()
    var = tempfile.mkdtemp(prefix="uplift-bench-profiles-")
    env = {**os.environ, "UPLIFT_VAR_DIR": var, "DJANGO_SETTINGS_MODULE": "uplift.settings"}
    env.pop("DATABASE_URL", None)
    os.environ.update(UPLIFT_VAR_DIR=var, DJANGO_SETTINGS_MODULE="uplift.settings")
    os.environ.pop("DATABASE_URL", None)
    for command in (
        ["migrate", "-v0"],
        ["demo"],
        ["categorise", "--la", "919", "--round", "2026-autumn", "--preset", "peterborough_2013"],
    ):
        subprocess.run(
            [sys.executable, "-m", "django", *command],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    import django

    django.setup()
    from uplift.profiles import selectors, services

    round_ = selectors.profile_round(la_code="919", round_code="2026-autumn")
    schools = list(services.round_establishments(round_))[: args.limit]
    started = time.perf_counter()
    for school in schools:
        services.generate_document(round_=round_, establishment=school)
    seconds = time.perf_counter() - started
    print(f"database: {var}/uplift.sqlite3")
    print(f"profiles: {len(schools)} of {round_} in {seconds:.1f} s")
    print(f"seconds per profile: {seconds / max(len(schools), 1):.3f}")


if __name__ == "__main__":
    main()
