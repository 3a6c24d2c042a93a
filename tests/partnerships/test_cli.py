"""`uplift partnerships`: the same services as the pages; refusals exit 1, unknown names 2."""

import pytest
from django.core.management import CommandError, call_command

from uplift.audit.models import AuditEvent, Via
from uplift.partnerships.models import Partnership


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("partnerships", *args, stdout=out)
    return out.getvalue()


def test_create_seat_appoint_and_show(pw):
    made = run(
        "create",
        "--user",
        "herts.officer",
        "--la",
        "919",
        "--kind",
        "cluster",
        "--name",
        "Watford Cluster",
        "--casting-vote",
    )
    partnership = Partnership.objects.get(name="Watford Cluster")
    assert f"Partnership {partnership.pk} created" in made
    seat_line = run(
        "add-seat",
        "--user",
        "herts.officer",
        "--partnership",
        str(partnership.pk),
        "--name",
        "Observer",
        "--constituency",
        "observer",
        "--no-vote",
    )
    seat = partnership.seats.get()
    assert not seat.voting and "Seat" in seat_line
    shown = run("show", str(partnership.pk), "--user", "herts.officer")
    assert "1 vacant" in shown and "VACANT" in shown
    run(
        "appoint",
        "--user",
        "herts.officer",
        "--seat",
        str(seat.pk),
        "--person",
        "Ola Observer",
        "--starts",
        "2026-09-01",
    )
    assert "Ola Observer to 2029-08-31" in run("show", str(partnership.pk), "--user", "admin")
    events = AuditEvent.objects.filter(action__startswith="partnerships.", via=Via.CLI)
    assert events.count() == 3


def test_refusals_and_unknown_names(pw):
    with pytest.raises(CommandError) as refused:
        run(
            "create",
            "--user",
            "essex.officer",
            "--la",
            "919",
            "--kind",
            "cluster",
            "--name",
            "X",
        )
    assert refused.value.returncode == 1
    with pytest.raises(CommandError) as unknown:
        run("show", "999", "--user", "herts.officer")
    assert unknown.value.returncode == 2
    with pytest.raises(CommandError) as nobody:
        run("list", "--user", "nobody.here")
    assert nobody.value.returncode == 2
    assert "North Herts Consortium" in run("list", "--user", "head.a")
    assert "North Herts Consortium" not in run("list", "--user", "former.member")
