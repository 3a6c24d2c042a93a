"""Casework and support at the scale of a large LA. Prints figures; asserts nothing.

    uv run python bench/casework_scale.py [--database sqlite|postgres] [--schools 600]

Builds a fresh database with one LA of `--schools` schools, 40 officers and advisers, an
open concern case for every tenth school (with warning notices), monitoring board actions,
action plans with objectives and milestones, and ten visits a school, about a third of
every kind overdue. Then times what runs daily or on every page view:

- overdue_items (the reminder task's reading) and send_reminders (one email per owner,
  into Django's in-memory mailbox), beside a floor: reading the same rows with values_list;
- my_work for the busiest officer and school_timeline for the busiest school, with their
  query counts;
- entitlements for every school of the LA.
ratio = time / floor: what the feature costs beyond reading its rows.
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_db import use_fresh_database  # noqa: E402

POSTGRES_URL = os.environ.get(
    "UPLIFT_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/uplift_casework_bench"
)
TODAY = date(2026, 11, 22)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--schools", type=int, default=600)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="uplift-casework-") as tmp:
        use_fresh_database(args.database, var_dir=tmp, postgres_url=POSTGRES_URL)
        os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
        run(args.database, args.schools)


def run(database: str, school_count: int) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uplift.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    world = build(school_count)
    from django.urls import reverse

    reverse("healthz")  # load the URL configuration once, as a running server has
    print(f"\n== {database}: {_sizes()}")
    _time_reminders()
    _time_pages(world)


def build(school_count: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from uplift.accounts.models import Profile, Role
    from uplift.casework.models import (
        ConcernCase,
        MeetingAction,
        MonitoringMeeting,
        OpenedBy,
        Stage,
        WarningNotice,
    )
    from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup
    from uplift.support.models import ActionPlan, Milestone, Objective, Visit, VisitStatus

    now = timezone.now()
    la = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    schools = Establishment.objects.bulk_create(
        Establishment(
            urn=100000 + n,
            la=la,
            name=f"School {n}",
            type_name="Community school",
            phase_group=PhaseGroup.PRIMARY,
            status="Open",
        )
        for n in range(school_count)
    )
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"staff{n}", email=f"staff{n}@example.org") for n in range(40)
    )
    Profile.objects.bulk_create(
        Profile(user=user, role=Role.LA_OFFICER if n < 10 else Role.ADVISER, la=la)
        for n, user in enumerate(users)
    )
    officers, advisers = users[:10], users[10:]
    cases = ConcernCase.objects.bulk_create(
        ConcernCase(
            establishment=school,
            opened_on=TODAY - timedelta(days=200),
            opened_by=OpenedBy.OFFICER,
            opening_reason="Benchmark",
            stage=Stage.WARNING_NOTICE,
            stage_changed_on=TODAY - timedelta(days=100),
            lead_officer=officers[n % 10],
            recorded_at=now,
        )
        for n, school in enumerate(schools[::10])
    )
    WarningNotice.objects.bulk_create(
        WarningNotice(
            case=case,
            grounds=["standards"],
            issued_on=TODAY - timedelta(days=100 - n % 90),
            compliance_working_days=15,
            compliance_deadline=TODAY - timedelta(days=70 - n % 90),
            powers_window_ends=TODAY - timedelta(days=10 - n % 90),
            recorded_at=now,
        )
        for n, case in enumerate(cases)
    )
    meetings = MonitoringMeeting.objects.bulk_create(
        MonitoringMeeting(
            establishment=case.establishment,
            case=case,
            held_on=TODAY - timedelta(days=30 * k),
            members=["Chair", "Officer"],
            minutes="Benchmark",
            recorded_at=now,
        )
        for case in cases
        for k in range(4)
    )
    MeetingAction.objects.bulk_create(
        MeetingAction(
            meeting=meeting,
            description=f"Action {k}",
            owner=users[(n + k) % 40],
            due_on=TODAY + timedelta(days=k * 10 - 25),
        )
        for n, meeting in enumerate(meetings)
        for k in range(5)
    )
    plans = ActionPlan.objects.bulk_create(
        ActionPlan(
            establishment=school,
            title="Plan",
            starts_on=TODAY - timedelta(days=120),
            recorded_at=now,
        )
        for school in schools[::2]
    )
    objectives = Objective.objects.bulk_create(
        Objective(
            plan=plan,
            text=f"Objective {k}",
            owner=users[(n + k) % 40],
            due_on=TODAY + timedelta(days=k * 30 - 40),
        )
        for n, plan in enumerate(plans)
        for k in range(4)
    )
    Milestone.objects.bulk_create(
        Milestone(
            objective=objective, text=f"Milestone {k}", due_on=TODAY + timedelta(days=k * 15 - 30)
        )
        for objective in objectives
        for k in range(3)
    )
    Visit.objects.bulk_create(
        Visit(
            establishment=school,
            adviser=advisers[(n + k) % 30],
            scheduled_for=TODAY + timedelta(days=k * 20 - 120),
            academic_year="2026-27",
            purpose="Focus visit",
            status=VisitStatus.FINALISED if k < 4 else VisitStatus.SCHEDULED,
            recorded_at=now,
        )
        for n, school in enumerate(schools)
        for k in range(10)
    )
    return {"la": la, "officer": officers[0], "school": cases[0].establishment}


def _sizes() -> str:
    from uplift.casework.models import ConcernCase, MeetingAction
    from uplift.schools.models import Establishment
    from uplift.support.models import Milestone, Objective, Visit

    models = (Establishment, ConcernCase, MeetingAction, Objective, Milestone, Visit)
    return ", ".join(f"{m._meta.verbose_name_plural} {m.objects.count():,}" for m in models)


def _floor() -> float:
    """Reading every row the reminders read, as bare tuples."""
    from uplift.casework.models import MeetingAction, WarningNotice
    from uplift.support.models import Milestone, Objective, Visit

    started = time.perf_counter()
    for model in (MeetingAction, WarningNotice, Objective, Milestone, Visit):
        list(model.objects.values_list("pk", "due_on" if hasattr(model, "due_on") else "pk"))
    return time.perf_counter() - started


def _time_reminders() -> None:
    from django.core import mail

    from uplift.workload.reminders import overdue_items, send_reminders

    floor = _floor()
    started = time.perf_counter()
    found = overdue_items(today=TODAY)
    reading = time.perf_counter() - started
    items = sum(len(v) for v in found.values())
    started = time.perf_counter()
    result = send_reminders(day=TODAY)
    sending = time.perf_counter() - started
    print(f"{'step':<28} {'seconds':>8} {'ratio':>6}  what")
    print(f"{'floor (values_list)':<28} {floor:>8.3f} {1:>6.1f}  the rows reminders read")
    print(
        f"{'overdue_items':<28} {reading:>8.3f} {reading / floor:>6.1f}  "
        f"{items:,} items for {len(found)} owners"
    )
    print(
        f"{'send_reminders':<28} {sending:>8.3f} {sending / floor:>6.1f}  "
        f"{result.emails} emails, {len(mail.outbox)} in the mailbox"
    )


def _time_pages(world) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from uplift.schools.models import Establishment
    from uplift.support.visits.entitlement import entitlements
    from uplift.workload.selectors import my_work
    from uplift.workload.timeline import school_timeline

    ids = list(Establishment.objects.filter(la=world["la"]).values_list("pk", flat=True))
    steps = (
        ("my_work (busiest officer)", lambda: my_work(user=world["officer"], today=TODAY)),
        (
            "school_timeline",
            lambda: school_timeline(user=world["officer"], establishment=world["school"]),
        ),
        (
            f"entitlements ({len(ids)} schools)",
            lambda: entitlements(establishment_ids=ids, academic_year="2026-27"),
        ),
    )
    for name, step in steps:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            step()
            took = time.perf_counter() - started
        print(f"{name:<28} {took:>8.3f} {'':>6}  {len(queries)} queries")


if __name__ == "__main__":
    main()
