"""Permission-matrix rows of the action plan and support cycle pages and API (see
test_permission_matrix.py). LA officers (their LA's schools), advisers (their assigned
schools) and system administrators read and change them; the headteacher and chair read
their own school's; data officers and DfE viewers read none (403). The board member reads
the support of a Luton school (matrix_partnerships: Luton's operating model grants its
partnerships sight of support and cases), so these Hertfordshire schools' are not found
(404) for them, as for anyone else who reads some support."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from uplift.audit.models import Via
from uplift.support.cycles import services as cycles_services
from uplift.support.plans import services as plans_services

# anonymous admin la.officer data.officer adviser headteacher chair board.member dfe.viewer
READ_OWN = "in  ok  ok  403 ok  ok  ok  404 403"
WRITE_OWN = "in  ok  ok  403 ok  403 403 404 403"
SAME_LA = "in  ok  ok  403 404 404 404 404 403"
OTHER_LA = "in  ok  404 403 404 404 404 404 403"
API_READ_OWN = "401 ok  ok  403 ok  ok  ok  404 403"
API_SAME_LA = "401 ok  ok  403 404 404 404 404 403"
API_OTHER_LA = "401 ok  404 403 404 404 404 404 403"
PLANNERS = "in  ok  ok  403 ok  403 403 403 403"  # a new plan or cycle, school not yet chosen
POST_ONLY = " ".join(["405"] * 9)


def _records(school):
    """A plan with an objective and a milestone, and a running cycle, of the school."""
    admin = get_user_model().objects.get(username="admin")
    head = get_user_model().objects.get(username="headteacher")
    la_officer = get_user_model().objects.get(username="la.officer")
    owner = head if head.profile.establishment_id == school.pk else admin
    if owner == admin and school.la_id == la_officer.profile.la_id:
        owner = la_officer
    today = timezone.localdate()
    change = {"actor": admin, "via": Via.WEB}
    plan = plans_services.create_plan(
        **change, establishment=school, title="Reading", starts_on=today - timedelta(30)
    )
    objective = None
    if owner != admin:  # a system administrator cannot own an objective
        objective = plans_services.add_objective(
            **change, plan=plan, text="Reading", success_criteria="", owner=owner, due_on=today
        )
    else:
        from uplift.support.models import Objective

        objective = Objective.objects.create(plan=plan, text="Reading", owner=admin, due_on=today)
    milestone = plans_services.add_milestone(
        **change, objective=objective, text="Audit", due_on=today
    )
    cycle = cycles_services.start_cycle(
        **change, establishment=school, started_on=today, summary="Review"
    )
    return plan, objective, milestone, cycle


def rows(w) -> list[tuple[str, str, str]]:
    table = []
    for school, read, write, api in (
        (w.in_scope, READ_OWN, WRITE_OWN, API_READ_OWN),
        (w.same_la, SAME_LA, SAME_LA, API_SAME_LA),
        (w.other_la, OTHER_LA, OTHER_LA, API_OTHER_LA),
    ):
        plan, objective, milestone, cycle = _records(school)
        p, o, m, c, urn = plan.pk, objective.pk, milestone.pk, cycle.pk, school.urn
        table += [
            ("support/schools/<int:urn>/plans/", f"/support/schools/{urn}/plans/", read),
            ("support/plans/<int:pk>/", f"/support/plans/{p}/", read),
            (
                "support/plans/<int:pk>/objectives/new/",
                f"/support/plans/{p}/objectives/new/",
                write,
            ),
            ("support/plans/<int:pk>/close/", f"/support/plans/{p}/close/", write),
            (
                "support/objectives/<int:pk>/milestones/new/",
                f"/support/objectives/{o}/milestones/new/",
                write,
            ),
            (
                "support/objectives/<int:pk>/reviews/new/",
                f"/support/objectives/{o}/reviews/new/",
                write,
            ),
            ("support/objectives/<int:pk>/achieved/", f"/support/objectives/{o}/achieved/", write),
            ("support/milestones/<int:pk>/done/", f"/support/milestones/{m}/done/", write),
            ("support/cycles/<int:pk>/", f"/support/cycles/{c}/", read),
            ("support/cycles/<int:pk>/steps/new/", f"/support/cycles/{c}/steps/new/", write),
            (
                "api/v1/schools/<int:urn>/action-plans",
                f"/api/v1/schools/{urn}/action-plans",
                api,
            ),
            ("api/v1/action-plans/<int:plan_id>", f"/api/v1/action-plans/{p}", api),
            (
                "api/v1/schools/<int:urn>/support-cycles",
                f"/api/v1/schools/{urn}/support-cycles",
                api,
            ),
            ("api/v1/support-cycles/<int:cycle_id>", f"/api/v1/support-cycles/{c}", api),
        ]
    # A school that does not exist is not found by anyone who reads plans.
    table.append(
        (
            "support/schools/<int:urn>/plans/",
            "/support/schools/999999/plans/",
            "in  404 404 403 404 404 404 404 403",
        )
    )
    # Which school a new plan or cycle is for: asked when the address does not say (the
    # pages for a school, ?urn=, are checked in tests/support/test_plans_pages.py).
    table += [
        ("support/plans/new/", "/support/plans/new/", PLANNERS),
        ("support/cycles/new/", "/support/cycles/new/", PLANNERS),
    ]
    # Changes are POSTed: a GET is not allowed, whoever asks.
    table += [
        ("api/v1/action-plans", "/api/v1/action-plans", POST_ONLY),
        (
            "api/v1/action-plans/<int:plan_id>/objectives",
            f"/api/v1/action-plans/{p}/objectives",
            POST_ONLY,
        ),
        ("api/v1/action-plans/<int:plan_id>/close", f"/api/v1/action-plans/{p}/close", POST_ONLY),
        (
            "api/v1/objectives/<int:objective_id>/milestones",
            f"/api/v1/objectives/{o}/milestones",
            POST_ONLY,
        ),
        (
            "api/v1/objectives/<int:objective_id>/reviews",
            f"/api/v1/objectives/{o}/reviews",
            POST_ONLY,
        ),
        (
            "api/v1/objectives/<int:objective_id>/achieved",
            f"/api/v1/objectives/{o}/achieved",
            POST_ONLY,
        ),
        ("api/v1/milestones/<int:milestone_id>/done", f"/api/v1/milestones/{m}/done", POST_ONLY),
        ("api/v1/support-cycles", "/api/v1/support-cycles", POST_ONLY),
        (
            "api/v1/support-cycles/<int:cycle_id>/steps",
            f"/api/v1/support-cycles/{c}/steps",
            POST_ONLY,
        ),
    ]
    return table
