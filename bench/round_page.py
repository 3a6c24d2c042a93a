"""The round page's time against a floor, on the demo LA's size and on a large synthetic LA.

    uv run python bench/round_page.py [--schools 3000] [--database sqlite|postgres]

Builds an LA of N schools with a proposed round (through the services), then times the
round page (first page, filtered page, a later page) against a bare query of the same
rows, and prints each as a ratio. No timing is asserted anywhere.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.bench_db import use_fresh_database  # noqa: E402

POSTGRES = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/uplift_bench_round"
)


def timed(call, repeat=7) -> float:
    call()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def build(size: int):
    from django.contrib.auth import get_user_model

    from uplift.accounts.models import Profile, Role
    from uplift.audit.models import Via
    from uplift.categorisation import services
    from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup

    la = LocalAuthority.objects.create(code=f"9{size % 100:02d}", name=f"Synthetic LA of {size}")
    phases = [PhaseGroup.PRIMARY, PhaseGroup.SECONDARY, PhaseGroup.SPECIAL]
    Establishment.objects.bulk_create(
        Establishment(
            urn=500000 + size * 10 + n,
            la=la,
            name=f"School {n:05d}",
            phase_group=phases[n % 3],
            status="Open",
        )
        for n in range(size)
    )
    user = get_user_model().objects.create_user(username=f"officer{size}")
    Profile.objects.create(user=user, role=Role.LA_OFFICER, la=la)
    draft = services.create_policy_from_preset(
        actor=None, via=Via.CLI, la=la, preset="peterborough_2013", name="P", reason="bench"
    )
    live = services.activate_version(actor=None, via=Via.CLI, version=draft, reason="bench")
    round_ = services.propose_round(
        actor=None, via=Via.CLI, la=la, code="2026-autumn", policy_version=live, reason="bench"
    ).round
    return user, round_


def measure(size: int) -> None:
    from django.test import Client

    from uplift.categorisation.models import SchoolCategorisation

    user, round_ = build(size)
    client = Client()
    client.force_login(user)
    url = f"/categorisation/rounds/{round_.pk}/"

    def floor():
        list(
            SchoolCategorisation.objects.filter(round=round_)
            .select_related("establishment")
            .order_by("establishment__name")[:50]
        )

    base = timed(floor)
    print(f"\n{size} schools; floor (a bare query of one page's rows): {base * 1000:.1f} ms")
    for label, query in (
        ("first page", ""),
        ("filtered (primary, not yet decided)", "?phase=primary&decision=undecided"),
        ("page 5", "?page=5"),
    ):
        seconds = timed(lambda q=query: client.get(url + q))
        print(f"  {label:<40} {seconds * 1000:8.1f} ms  {seconds / base:7.1f} x floor")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=3000, help="the large LA's size")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        use_fresh_database(args.database, var_dir=var_dir, postgres_url=POSTGRES)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uplift.settings")
        import django
        from django.core.management import call_command

        django.setup()
        from django.conf import settings

        settings.ALLOWED_HOSTS = ["*"]
        call_command("migrate", verbosity=0)
        for size in (640, args.schools):  # the demo LA's size (Hertfordshire), then large
            measure(size)


if __name__ == "__main__":
    main()
