"""A school's case and support timeline, as each role may see it."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model

from uplift.casework.models import Stage
from uplift.workload.timeline import school_timeline

URL = "/schools/117001/timeline/"


@pytest.fixture
def history(
    users,
    school,
    make_case,
    make_stage_change,
    make_notice,
    make_power,
    make_letter,
    make_meeting,
    make_visit,
    make_plan,
    make_objective,
    make_review,
    make_cycle,
):
    """A year of casework and support at the school."""
    officer, adviser = users["la.officer"], users["adviser"]
    case = make_case(school, lead=officer, stage=Stage.POWERS_USED, opened_on=date(2026, 1, 12))
    make_stage_change(case, Stage.CONCERN_RAISED, date(2026, 1, 12), from_stage="")
    make_stage_change(
        case, Stage.PRE_WARNING, date(2026, 2, 2), "No response", from_stage="letter_of_concern"
    )
    make_notice(
        case,
        issued_on=date(2026, 3, 2),
        deadline=date(2026, 3, 23),
        window=date(2026, 5, 23),
        copied_to_dfe_on=date(2026, 3, 3),
        compliance="not_complied",
        compliance_decided_on=date(2026, 3, 24),
    )
    make_power(case, used_on=date(2026, 4, 1))
    make_letter(case, generated_on=date(2026, 1, 13), sent_on=date(2026, 1, 14))
    make_letter(case, generated_on=date(2026, 2, 3), subject="Draft pre-warning letter")
    meeting = make_meeting(school, held_on=date(2026, 2, 20), case=case)
    meeting.actions.create(owner=officer, due_on=date(2026, 3, 1), description="Chase the plan")
    make_visit(school, adviser, date(2026, 2, 10), status="finalised", purpose="Reading review")
    plan = make_plan(school, starts_on=date(2026, 2, 16))
    objective = make_objective(school, users["headteacher"], date(2026, 7, 1), plan=plan)
    make_review(objective, date(2026, 5, 1), rag="amber")
    make_cycle(
        school,
        date(2026, 9, 1),
        steps=[
            ("collaborative_review", date(2026, 9, 8)),
            ("intervention_plan", date(2026, 10, 1)),
        ],
    )
    return case


def titles(entries):
    return [entry.title for entry in entries]


@pytest.mark.django_db
def test_an_officer_sees_everything_newest_first(users, school, history):
    entries = school_timeline(user=users["la.officer"], establishment=school)
    found = titles(entries)

    assert [entry.date for entry in entries] == sorted((e.date for e in entries), reverse=True)
    assert found[0] == "Short intensive intervention plan"
    for expected in (
        "Concern case opened (officer)",
        "Case moved to pre-warning",
        "Warning notice issued (Performance standards and safety (s.60))",
        "Warning notice copied to DfE",
        "Warning notice compliance period ends",
        "Warning notice: not complied",
        "Power used: s.63 Require the governing body to enter into arrangements",
        "Letter of concern generated",
        "Letter of concern sent by email",
        "Monitoring board meeting",
        "Action due (Priya Shah)",
        "Adviser visit (finalised)",
        "Action plan started: Improving reading",
        "Progress review: Amber",
        "Support cycle started",
        "Collaborative review",
    ):
        assert expected in found, expected
    assert found.count("Letter of concern generated") == 2  # the draft too
    assert found.index("Case moved to pre-warning") < found.index("Concern case opened (officer)")
    stage = next(e for e in entries if e.title == "Case moved to pre-warning")
    assert stage.detail == "No response" and stage.url == f"/casework/cases/{history.pk}/"


@pytest.mark.django_db
def test_a_headteacher_sees_sent_letters_notices_visits_plans_and_cycles_only(
    users, school, history
):
    found = titles(school_timeline(user=users["headteacher"], establishment=school))

    assert "Letter of concern sent by email" in found
    assert found.count("Letter of concern generated") == 1  # not the unsent draft
    assert "Warning notice issued (Performance standards and safety (s.60))" in found
    assert {"Adviser visit (finalised)", "Progress review: Amber", "Support cycle started"} <= set(
        found
    )
    assert not [title for title in found if "case" in title.lower() or "Power" in title]
    assert "Monitoring board meeting" not in found and "Action due (Priya Shah)" not in found


@pytest.mark.django_db
def test_a_board_member_sees_no_casework(users, school, history):
    assert school_timeline(user=users["board.member"], establishment=school) == []


@pytest.mark.django_db
def test_the_adviser_sees_only_their_assigned_schools_casework(
    users, school, other_school, make_case
):
    make_case(other_school, lead=users["la.officer"])
    assert school_timeline(user=users["adviser"], establishment=other_school) == []
    assert school_timeline(user=users["la.officer"], establishment=other_school) != []


@pytest.mark.django_db
def test_the_kind_filter(users, school, history):
    entries = school_timeline(
        user=users["la.officer"], establishment=school, kinds=["letter", "nonsense"]
    )
    assert {entry.kind for entry in entries} == {"letter"} and len(entries) == 3


@pytest.mark.django_db
def test_categories_are_on_the_timeline_for_la_staff_and_the_school(users, school, la):
    from uplift.audit.models import Via
    from uplift.categorisation.models import CategoryChange
    from uplift.categorisation.services import create_policy_from_preset

    version = create_policy_from_preset(
        la=la, preset="peterborough_2013", name="P", actor=users["admin"], via=Via.CLI, reason="x"
    )
    CategoryChange.objects.create(
        establishment=school,
        policy_version=version,
        category="4",
        reason="Safeguarding failure",
        evidence="Visit",
        changed_by=users["la.officer"],
        changed_at=timezone_at(date(2026, 10, 20)),
    )

    for username in ("admin", "la.officer", "data.officer", "adviser", "headteacher", "chair"):
        [entry] = school_timeline(user=users[username], establishment=school)
        assert entry.kind == "category" and entry.title == "Category 4 (Inadequate)", username
        assert "Safeguarding failure" in entry.detail and entry.date == date(2026, 10, 20)
    assert len(school_timeline(user=users["dfe.viewer"], establishment=school)) == 1
    assert school_timeline(user=users["board.member"], establishment=school) == []


def timezone_at(day):
    from django.utils import timezone

    return timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 9))


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 20])
def test_the_timeline_takes_the_same_queries_however_long(
    users,
    school,
    make_case,
    make_stage_change,
    make_notice,
    make_power,
    make_letter,
    make_meeting,
    make_visit,
    make_plan,
    make_objective,
    make_review,
    make_cycle,
    django_assert_num_queries,
    count,
):
    officer = users["la.officer"]
    for number in range(count):
        day = date(2020, 1, 1) + timedelta(days=number * 10)
        stage = Stage.POWERS_USED if number == count - 1 else Stage.CLOSED
        case = make_case(school, lead=officer, stage=stage, opened_on=day)
        make_stage_change(case, Stage.PRE_WARNING, day, from_stage="letter_of_concern")
        make_notice(case, issued_on=day, deadline=day, window=day)
        make_power(case, used_on=day)
        case.structural_solutions.create(
            kind="academy_order", decided_on=day, recorded_at=day_at(day)
        )
        make_letter(case, generated_on=day, sent_on=day)
        make_meeting(school, held_on=day).actions.create(owner=officer, due_on=day, description="x")
        make_visit(school, users["adviser"], day)
        make_review(make_objective(school, officer, day, plan=make_plan(school)), day)
        make_cycle(school, day, steps=[("collaborative_review", day)]).__class__.objects.filter(
            ended_on__isnull=True
        ).update(ended_on=day)
    user = get_user_model().objects.get(pk=officer.pk)

    # two read the user's permissions, one the user's roles (grants), one school-to-school
    # support, one grant applications
    with django_assert_num_queries(23):
        entries = school_timeline(user=user, establishment=school)
    assert len(entries) >= 15 * count


def day_at(day):
    return timezone_at(day)


# The page


@pytest.mark.django_db
def test_the_page_shows_the_timeline_with_a_filter_that_works_without_javascript(
    client, users, school, history
):
    client.force_login(users["headteacher"])
    html = client.get(URL).content.decode()
    assert 'class="moj-timeline"' in html
    assert "Letter of concern sent by email" in html and "Chase the plan" not in html
    assert 'name="kind" type="checkbox" value="visit"' in html

    filtered = client.get(URL, {"kind": "visit"}).content.decode()
    assert "Adviser visit (finalised)" in filtered and "Letter of concern sent" not in filtered
    assert 'value="visit" checked' in filtered and "Show everything" in filtered


@pytest.mark.django_db
def test_a_school_out_of_scope_is_not_found(client, users, school, other_school, essex_school):
    client.force_login(users["headteacher"])
    assert client.get("/schools/117002/timeline/").status_code == 404
    client.force_login(users["la.officer"])
    assert client.get("/schools/881001/timeline/").status_code == 404
    assert client.get("/schools/117002/timeline/").status_code == 200


@pytest.mark.django_db
def test_an_empty_timeline_says_so(client, users, school):
    client.force_login(users["la.officer"])
    assert "Nothing is recorded for this school yet" in client.get(URL).content.decode()
