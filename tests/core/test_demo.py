"""`uplift demo` loads every shipped file, twice without change, and seeds the personas."""

import pytest
from django.core.management import call_command

from uplift.accounts.models import Profile, Role
from uplift.casework.models import ConcernCase, LetterTemplate, OpenedBy
from uplift.categorisation.models import (
    BodyDecision,
    Round,
    RoundStatus,
    SchoolCategorisation,
)
from uplift.categorisation.rounds.services import latest_published_round
from uplift.demo.data_files import DEMO_FILES
from uplift.demo.personas import PERSONAS
from uplift.governors.models import GoverningBody, Governor
from uplift.impact.models import Finding
from uplift.imports.models import ImportRun, RunStatus
from uplift.inspections.models import Inspection
from uplift.partnerships.models import OperatingModel, Partnership
from uplift.performance.models import Result
from uplift.reports.la_record import transition
from uplift.schools.models import Establishment
from uplift.support.models import NoteTemplate


def test_every_demo_file_is_shipped():
    missing = [f.file_name for f in DEMO_FILES if not f.path.is_file()]
    assert missing == []


@pytest.mark.django_db(transaction=True)
def test_demo_loads_all_then_changes_nothing(capsys, client):
    call_command("demo", "--no-progress")
    first = capsys.readouterr().out
    assert ImportRun.objects.filter(status=RunStatus.APPLIED).count() == len(DEMO_FILES)
    herts = Establishment.objects.filter(la__code="919")
    assert herts.count() > 500
    assert Inspection.objects.filter(establishment__la__code="919").count() > 300
    assert Result.objects.filter(establishment__la__code="919", academic_year="2023-24").exists()
    for persona in PERSONAS:
        assert persona.username in first
    head = Profile.objects.get(role=Role.HEADTEACHER)
    assert head.establishment.la.code == "919"
    published = Round.objects.filter(la__code="919", status=RoundStatus.PUBLISHED)
    assert sorted(published.values_list("code", flat=True)) == ["2024-summer", "2026-autumn"]
    autumn = published.get(code="2026-autumn")
    assert latest_published_round(autumn.la) == autumn
    concern = set(
        SchoolCategorisation.objects.filter(
            round__in=published, final_category__in=["3b", "4"]
        ).values_list("establishment_id", flat=True)
    )
    cases = ConcernCase.objects.filter(opened_by=OpenedBy.CATEGORY)
    assert concern and set(cases.values_list("establishment_id", flat=True)) == concern
    assert cases.count() == len(concern)  # one case a school, though in both rounds
    table = transition(la=autumn.la)
    assert (table.earlier.code, table.later.code) == ("2024-summer", "2026-autumn")
    real = {code for code, _ in table.categories}
    moved = sum(  # schools in a category in both rounds, a different one in each
        count
        for code, _, counts, _ in table.rows
        for (column, _), count in zip(table.columns, counts, strict=True)
        if code in real and column in real and column != code
    )
    assert sum(table.column_totals) > 500 and moved > 0, table.rows
    client.force_login(Profile.objects.get(user__username="la.officer").user)
    page = client.get("/reports/919/record/").content.decode()
    assert "in round 2024-summer (rows) and in round 2026-autumn (columns)" in page
    assert LetterTemplate.objects.filter(la__code="919").count() == 4
    assert NoteTemplate.objects.filter(la__code="919", is_default=True).exists()
    consortium = Partnership.objects.get(name="Stevenage Consortium", is_sample=True)
    agreed = BodyDecision.objects.filter(categorisation__round=autumn, outcome="agreed")
    assert agreed.exists() and {d.body for d in agreed} == {"the Stevenage Consortium board"}
    assert consortium.meetings.get().motions.filter(casting_vote="for", outcome="carried").exists()
    york = Partnership.objects.get(name="Hertfordshire Education Partnership")
    assert york.seats.filter(name__startswith="Secondary heads").count() == 6
    assert york.seats.filter(name__startswith="Primary heads").count() == 8
    assert york.seats.filter(voting=False).count() == 3
    bodies = GoverningBody.objects.filter(establishment__la__code="919", is_sample=True)
    assert bodies.count() == 17 and bodies.filter(establishment=head.establishment).exists()
    assert OperatingModel.objects.get(la__code="919").preset == "la_commissions"

    # The completed sample support's impact, read from the real data (issue 15's "done when").
    assert Finding.objects.filter(kind="deployment", measure="ks2_reading", enough=True).exists()

    counts = {
        m: m.objects.count()
        for m in (
            Establishment,
            Inspection,
            Result,
            Profile,
            ConcernCase,
            LetterTemplate,
            GoverningBody,
            Governor,
            Round,
        )
    }
    call_command("demo", "--no-progress")
    again = ImportRun.objects.order_by("-id")[: len(DEMO_FILES)]
    assert all(r.rows_added == 0 and r.rows_updated == 0 for r in again), [
        (r.file_name, r.rows_added, r.rows_updated) for r in again
    ]
    assert {m: m.objects.count() for m in counts} == counts
