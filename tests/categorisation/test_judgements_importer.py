"""`uplift judgements import FILE` (the judgements importer): one row per school and
criterion, every row checked before anything is written, a second import adding nothing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from uplift.audit.models import AuditEvent
from uplift.categorisation.models import OfficerJudgement
from uplift.imports.models import ImportRun, RunStatus

HEADER = "URN,Criterion,Judgement,Evidence,Date\n"
GOOD = (
    HEADER
    + "117001,Quality of school self-evaluation,concern,SEF overstates progress,14/07/2026\n"
    + "117001,capacity_to_improve,Secure,New head settled,2026-07-14\n"
    + '117002,Overall effectiveness (LA view),strength,"Visit 3 July, strong",\n'
)


@pytest.fixture
def schools(herts, essex, make_school, active_policy):
    make_school(117001, herts, name="Abbots Langley Primary")
    make_school(117002, herts, name="Bushey Heath Primary")
    make_school(881001, essex, name="Essex Primary")


def run(*args) -> str:
    out, err = StringIO(), StringIO()
    try:
        call_command("judgements", "import", *map(str, args), stdout=out, stderr=err)
    finally:
        run.err = err.getvalue()
    return out.getvalue()


def test_a_file_of_judgements_is_recorded_once(schools, write_file, users):
    path = write_file("judgements.csv", GOOD)
    output = run(path, "--user", "herts.officer")
    assert "3 rows read, 3 added" in output
    saved = OfficerJudgement.objects.order_by("establishment__urn", "criterion")
    assert [(j.establishment.urn, j.criterion, j.value) for j in saved] == [
        (117001, "capacity_to_improve", "secure"),
        (117001, "self_evaluation", "concern"),
        (117002, "overall_effectiveness", "strength"),
    ]
    assert {j.recorded_by for j in saved} == {users["officer"]}
    assert str(saved[0].judged_on) == "2026-07-14"
    assert all(j.import_run_id for j in saved)
    assert AuditEvent.objects.filter(action="categorisation.judgement_recorded").count() == 3
    again = run(path, "--user", "herts.officer")
    assert "0 added" in again and "3 unchanged" in again
    assert OfficerJudgement.objects.count() == 3


@pytest.mark.parametrize(
    "row, column, reason",
    [
        ("117001,self_evaluation,B,seen,", "Judgement", "Choose one of strength, secure"),
        ("117001,reading,concern,seen,", "Criterion", "do not ask for a judgement"),
        ("117001,self_evaluation,concern,,", "Evidence", "a value is required"),
        ("999999,self_evaluation,concern,seen,", "URN", "no school with this URN"),
        ("881001,self_evaluation,concern,seen,", "URN", "that you may record judgements for"),
        ("117001,self_evaluation,concern,seen,31/02/2026", "Date", ""),
        ("117001,Quality of school self-evaluation,secure,again,", "Criterion", "already on row 2"),
    ],
)
def test_a_bad_row_rejects_the_whole_file(
    schools, users, write_file, db_snapshot, row, column, reason
):
    before = db_snapshot()
    path = write_file("bad.csv", HEADER + "117001,self_evaluation,concern,seen,\n" + row + "\n")
    with pytest.raises(CommandError):
        run(path, "--user", "herts.officer")
    assert f"row 3, column {column!r}" in run.err
    assert reason in run.err
    assert db_snapshot() == before
    assert ImportRun.objects.get().status == RunStatus.REJECTED


def test_an_officer_uploads_a_file_on_the_judgements_page(schools, write_file, users, client):
    client.force_login(users["officer"])
    assert client.get("/categorisation/judgements/upload/").status_code == 200
    with open(write_file("judgements.csv", GOOD), "rb") as handle:
        page = client.post("/categorisation/judgements/upload/", {"file": handle})
    assert "3 judgements recorded" in page.content.decode()
    with open(write_file("bad.csv", HEADER + "117001,reading,concern,seen,\n"), "rb") as handle:
        page = client.post("/categorisation/judgements/upload/", {"file": handle})
    text = page.content.decode()
    assert "Nothing was saved" in text and "Row 2, column Criterion" in text
    assert OfficerJudgement.objects.count() == 3
    client.force_login(users["viewer"])
    assert client.get("/categorisation/judgements/upload/").status_code == 403
