"""Recording events, before/after diffs, simple-history on edited models, and the import
service's own events."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import transaction

from uplift.audit.models import AuditEvent
from uplift.audit.services import NO_REASON_ASKED, diff, record_event, snapshot
from uplift.imports import registry
from uplift.imports.base import Importer
from uplift.imports.errors import FileRejected
from uplift.imports.models import RunStatus
from uplift.imports.services import run_import
from uplift.imports.sync import Record, sync_records
from uplift.schools.models import Establishment, LocalAuthority, PhaseGroup


def test_snapshot_reads_values_as_a_person_would(world):
    school = world.schools["herts_a"]
    school.phase_group = PhaseGroup.SECONDARY
    school.open_date = date(1990, 9, 1)
    school.percent_fsm = Decimal("12.50")
    values = snapshot(school, ["la", "phase_group", "open_date", "percent_fsm", "pupils"])
    assert values == {
        "la": "Hertfordshire (919)",
        "phase_group": "Secondary",
        "open_date": "1990-09-01",
        "percent_fsm": "12.50",
        "pupils": None,
    }
    assert set(snapshot(school)) >= {"urn", "name", "trust", "updated_at"}


def test_diff_keeps_only_what_changed():
    before = {"name": "A", "pupils": 10, "town": None}
    after = {"name": "B", "pupils": 10, "town": "Ware"}
    assert diff(before, after) == {"name": ["A", "B"], "town": [None, "Ware"]}
    assert diff(before, before) == {}


def test_record_event_fills_who_and_where(world):
    officer, school = world.users["herts_officer"], world.schools["herts_a"]
    with transaction.atomic():
        event = record_event(
            actor=officer,
            via="api",
            action="school.edited",
            obj=school,
            changes={"name": ["A", "B"]},
            reason="  typo  ",
            establishment=school,
        )
    event.refresh_from_db()
    assert (event.actor, event.actor_label, event.via, event.reason) == (
        officer,
        "herts.officer",
        "api",
        "typo",
    )
    assert (event.object_id, event.object_repr, event.la) == (
        str(school.pk),
        "Abbots Langley Primary (117001)",
        world.herts,
    )
    assert event.content_type.model_class() is Establishment


def test_record_event_without_a_user_is_the_system(world):
    with transaction.atomic():
        event = record_event(
            actor=None, via="system", action="x.y", obj=world.herts_cluster, reason="Nightly"
        )
    assert (event.actor, event.actor_label, event.la) == (None, "system", world.herts)


def test_record_event_names_the_command_line_rather_than_the_system(world):
    with transaction.atomic():
        event = record_event(actor=None, via="cli", action="x.y", obj=world.herts, reason="Why")
    assert event.actor_label.startswith("command line")


def test_every_event_has_a_reason_or_says_none_was_asked(world):
    with pytest.raises(TypeError, match="reason"):
        record_event(actor=None, via="system", action="x", obj=world.herts)  # no reason given
    with transaction.atomic():
        blank = record_event(actor=None, via="web", action="x", obj=world.herts, reason="  ")
        stated = record_event(
            actor=None, via="web", action="x", obj=world.herts, reason=NO_REASON_ASKED
        )
    assert blank.reason == stated.reason == "No reason asked"
    assert not AuditEvent.objects.filter(reason="").exists()


def test_record_event_refuses_an_unknown_channel(world):
    with pytest.raises(ValueError, match="unknown channel"):
        record_event(actor=None, via="email", action="x", obj=world.herts, reason="x")


@pytest.mark.django_db(transaction=True)
def test_record_event_must_share_the_changes_transaction():
    la = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    with pytest.raises(RuntimeError, match="inside the change's transaction"):
        record_event(actor=None, via="system", action="x", obj=la, reason="x")
    assert not AuditEvent.objects.exists()


def test_edited_models_keep_row_history(world):
    school = world.schools["herts_a"]
    school.name = "Abbots Langley School"
    school._change_reason = "renamed by the governors"
    school.save()
    latest = school.history.latest()
    assert (latest.name, latest.history_type, latest.history_change_reason) == (
        "Abbots Langley School",
        "~",
        "renamed by the governors",
    )
    assert world.herts_cluster.history.count() == 1


def test_bulk_writes_leave_no_row_history(world):
    """The importers' bulk writes are audited by their import run, not row by row."""
    before = Establishment.history.count()
    Establishment.objects.bulk_create([Establishment(urn=999001, name="Bulk", la=world.herts)])
    Establishment.objects.filter(urn=999001).update(name="Bulk 2")
    assert Establishment.history.count() == before


# The import service


class LaNames(Importer):
    """LA codes and names: the smallest importer, to see the service's events."""

    name = "audit-test-la-names"
    label = "LA names (audit test)"
    required_columns = ("code", "name")

    def parse_row(self, cells):
        code = cells.integer("code", required=True)
        name = cells.text("name", required=True)
        return (str(code).zfill(3), name) if code is not None else None

    def check_file(self, parsed):
        return []

    def write(self, parsed, tally):
        existing = {(la.code,): la for la in LocalAuthority.objects.all()}
        rows = [Record(row, (code,), {"code": code, "name": name}) for row, (code, name) in parsed]
        sync_records(LocalAuthority, rows, existing=existing, tally=tally)
        return f"{len(rows)} LAs"


@pytest.fixture
def la_names():
    registry.register(LaNames)
    yield LaNames.name
    registry._IMPORTERS.pop(LaNames.name, None)


@pytest.mark.django_db
def test_an_applied_import_records_an_event(la_names, write_file, django_user_model):
    user = django_user_model.objects.create_user("data.officer")
    path = write_file("las.csv", "code,name\n919,Hertfordshire\n874,Peterborough\n")
    run = run_import(importer_name=la_names, path=path, user=user, via="web")
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.actor_label, event.via) == (
        "import.applied",
        user,
        "data.officer",
        "web",
    )
    assert event.object_id == str(run.pk) and event.content_type.model == "importrun"
    assert event.changes == {"rows_added": [None, 2]}
    assert event.reason == "2 LAs"


@pytest.mark.django_db
def test_a_rejected_import_records_an_event(la_names, write_file):
    path = write_file("las.csv", "code,name\n919,Hertfordshire\nnot-a-code,Nowhere\n")
    with pytest.raises(FileRejected) as rejected:
        run_import(importer_name=la_names, path=path, actor="cron", via="demo")
    assert rejected.value.run.status == RunStatus.REJECTED
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.actor_label, event.via) == (
        "import.rejected",
        None,
        "cron",
        "system",
    )
    assert event.changes == {"rows_rejected": [None, 1]}
    assert "nothing was written" in event.reason
    assert not LocalAuthority.objects.exists()


@pytest.mark.django_db
def test_a_dry_run_records_no_event(la_names, write_file):
    path = write_file("las.csv", "code,name\n919,Hertfordshire\n")
    run = run_import(importer_name=la_names, path=path, dry_run=True)
    assert run.status == RunStatus.DRY_RUN
    assert not AuditEvent.objects.exists()
