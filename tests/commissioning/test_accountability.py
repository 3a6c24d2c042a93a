"""The commission's four-part accountability report generated from what Uplift holds: the
milestones, visits and deployments of its schools (part 1), their plans' RAG reviews and
teaching at inspection (part 2), inspections and categories before and after (part 3) and
the schools' answers to the feedback survey (part 4), each beside the officer's commentary,
as a page, a CSV and a tagged PDF whose text says the same."""

import csv
import io
import shutil
import subprocess
from datetime import date
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import timezone

from tests.commissioning.world import categorise, commission
from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.audit.models import Via
from uplift.commissioning.accountability import outcomes
from uplift.commissioning.accountability.evidence import gather
from uplift.commissioning.accountability.report import report_pdf
from uplift.commissioning.accountability.surveys import ask_schools
from uplift.commissioning.commissions import services as commissions
from uplift.core.errors import Conflict, NotAllowed
from uplift.feedback import services as feedback
from uplift.feedback.models import Survey
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource, Judgement
from uplift.support.models import ActionPlan, Objective, ProgressReview, Visit, VisitStatus

TODAY = date(2027, 3, 1)


def pdf_text(content: bytes) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian's poppler-utils) is not installed")
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return " ".join(done.stdout.decode().split())


def _held(mw):
    """What Uplift holds about the commission's primary school."""
    school, now = mw.primary, timezone.now()
    before = Inspection.objects.create(
        establishment=school,
        framework="eif2019",
        kind=InspectionKind.GRADED,
        start_date=date(2023, 3, 1),
        overall_grade=3,
        inspection_number="10001",
        source=InspectionSource.OFSTED_MI,
    )
    Judgement.objects.create(
        inspection=before, area="quality_of_education", grade="3", grade_rank=3
    )
    Visit.objects.create(
        establishment=school,
        adviser=mw["adviser"],
        scheduled_for=date(2026, 10, 5),
        academic_year="2026-27",
        purpose="Reading",
        status=VisitStatus.FINALISED,
        recorded_at=now,
    )
    plan = ActionPlan.objects.create(
        establishment=school, title="Reading plan", starts_on=date(2026, 9, 1), recorded_at=now
    )
    for text, rag in (("Phonics", "green"), ("Reading for pleasure", "amber")):
        objective = Objective.objects.create(
            plan=plan, text=text, owner=mw["headteacher"], due_on=date(2027, 7, 1)
        )
        ProgressReview.objects.create(
            objective=objective,
            reviewed_on=date(2026, 12, 1),
            rag=rag,
            commentary="Reviewed",
            recorded_at=now,
        )
    categorise(mw, school, "3a")


def _answer(survey, ratings, comments):
    keys = [q["key"] for q in survey.questions]
    feedback.answer_survey(
        actor=None,
        via=Via.WEB,
        survey=survey,
        ratings=dict(zip(keys, ratings, strict=True)),
        comments=comments,
        by_link=True,
    )


def test_done_when_the_report_is_a_page_and_a_pdf_with_school_feedback(mw):
    placed = commission(mw, mw.fund())
    _held(mw)
    assert ask_schools(actor=mw["la.officer"], via=Via.WEB, commission=placed) == 2
    primary = Survey.objects.get(establishment=mw.primary)
    _answer(primary, [5, 4, 4, 5], "Coaching changed how we teach reading.")
    commissions.save_report_section(
        actor=mw["la.officer"],
        via=Via.WEB,
        commission=placed,
        part="feedback",
        evidence="Heads rate the coaching highly.",
        rag="green",
    )
    evidence = gather(placed, TODAY)
    assert ("Schools that answered", "1") in evidence["feedback"].facts
    assert ("Milestones and deliverables done", "0 of 1") in evidence["implementation"].facts
    visits = evidence["implementation"].tables[1].rows
    assert visits[0][:3] == ("Abbots Langley Primary", "1", "0")
    plans = evidence["teaching"].tables[0].rows
    assert plans[0] == ("Abbots Langley Primary", "2", "0", "1", "1", "0", "0")
    inspected = evidence["outcomes"].tables[0].rows
    assert inspected[0][1] == "Requires improvement (1 March 2023)"
    assert inspected[0][3] == "Not inspected since the start"

    officer = Client()
    officer.force_login(mw["la.officer"])
    page = officer.get(f"/commissioning/commissions/{placed.pk}/").content.decode()
    for text in (
        "What Uplift holds",
        "Officer's commentary",
        "Heads rate the coaching highly.",
        "Coaching changed how we teach reading.",
        "We would recommend the project to other schools",
        "Requires improvement (1 March 2023)",
    ):
        assert text in page, text

    text = pdf_text(officer.get(f"/commissioning/commissions/{placed.pk}/report.pdf").content)
    for expected in (
        "4. School feedback on the service",
        "Heads rate the coaching highly.",
        "Coaching changed how we teach reading.",
        "Schools that answered 1",
        "We would recommend the project to other schools 1 5.0 100%",
    ):
        assert expected in text, expected
    assert report_pdf(placed, TODAY).startswith(b"%PDF")

    rows = list(
        csv.reader(
            io.StringIO(
                officer.get(f"/commissioning/commissions/{placed.pk}/report.csv").content.decode()
            )
        )
    )
    assert rows[0] == ["Part", "Evidence", "Row", "Column", "Value"]
    assert [
        "4. School feedback on the service",
        "Schools' comments",
        "Abbots Langley Primary",
        "Comment",
        "Coaching changed how we teach reading.",
    ] in rows


def test_the_schools_are_asked_once_and_only_by_finance_officers(mw):
    placed = commission(mw, mw.fund())
    with pytest.raises(NotAllowed):
        ask_schools(actor=mw["plain.officer"], via=Via.WEB, commission=placed)
    ask_schools(actor=mw["la.officer"], via=Via.WEB, commission=placed)
    with pytest.raises(Conflict, match="already been asked"):
        ask_schools(actor=mw["la.officer"], via=Via.WEB, commission=placed)
    assert Survey.objects.filter(subject_kind="commission").count() == 2


def _inspection(day, grade):
    return SimpleNamespace(start_date=day, overall_grade=grade)


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        (3, 2, "Improved"),
        (2, 3, "Declined"),
        (2, 2, "The same"),
        (2, None, "Not comparable (different kinds of inspection)"),
    ],
)
def test_the_change_of_overall_grade(before, after, said):
    start = date(2026, 9, 1)
    assert (
        outcomes._change(
            _inspection(date(2024, 1, 1), before), _inspection(date(2027, 1, 1), after)
        )
        == said
    )
    assert outcomes._change(None, _inspection(start, 2)) == "No earlier inspection to compare"
