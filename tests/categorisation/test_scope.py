"""Who is categorised: the policy's scope (maintained schools categorised, academies on a
monitoring-only footing, independent schools out unless the LA opts in), "not enough
evidence" for an officer to decide instead of a default category, and an unnamed school
shown by what is known of it."""

import copy
from datetime import date

import pytest

from tests.categorisation.builders import base_definition
from uplift.audit.models import Via
from uplift.categorisation import services
from uplift.categorisation.definition import DefinitionInvalid, parse_definition
from uplift.categorisation.models import Decision, SchoolCategorisation
from uplift.categorisation.rounds import services as rounds_services
from uplift.core.errors import Refused
from uplift.schools.models import PhaseGroup


@pytest.fixture
def register(herts, make_school, inspect):
    kinds = {
        "Maintained": ("Community school", "Local authority maintained schools"),
        "Academy": ("Academy converter", "Academies"),
        "Independent": ("Other independent school", "Independent schools"),
        "Untyped": ("", ""),
    }
    for urn, (name, (type_name, group)) in enumerate(kinds.items(), start=1):
        school = make_school(urn, herts, name=name, type_name=type_name, type_group=group)
        inspect(school, date(2022, 1, 1), grade=2)
    make_school(9, herts, name="Nursery", phase=PhaseGroup.NURSERY, type_name="LA nursery school")


def propose(la, version):
    return services.propose_round(
        actor=None, via=Via.CLI, la=la, code="2026-autumn", policy_version=version, reason="t"
    ).round


def test_by_default_academies_are_monitored_and_independent_schools_left_out(
    herts, register, active_policy
):
    round_ = propose(herts, active_policy)
    rows = {r.establishment.name: r for r in round_.categorisations.select_related("establishment")}
    assert sorted(rows) == ["Academy", "Maintained", "Nursery", "Untyped"]
    footing = {name: row.rationale["footing"] for name, row in rows.items()}
    assert footing == {
        "Academy": "monitor",
        "Maintained": "categorise",
        "Nursery": "categorise",
        "Untyped": "categorise",
    }


def test_an_la_may_opt_in_to_categorise_independent_schools(herts, register, active_policy):
    opted = copy.deepcopy(active_policy.definition)
    opted["scope"] = {"independent": "categorise", "academy": "exclude"}
    draft = services.save_draft(
        actor=None, via=Via.CLI, based_on=active_policy, definition=opted, change_note="opt in"
    )
    version = services.activate_version(actor=None, via=Via.CLI, version=draft, reason="t")
    names = set(
        propose(herts, version).categorisations.values_list("establishment__name", flat=True)
    )
    assert names == {"Independent", "Maintained", "Nursery", "Untyped"}


def test_a_scope_that_is_not_valid_names_the_path():
    definition = base_definition()
    definition["scope"] = {"academy": "sometimes", "statuses": []}
    with pytest.raises(DefinitionInvalid) as refused:
        parse_definition(definition)
    assert [str(p) for p in refused.value.problems] == [
        "scope.academy: must be one of categorise, monitor, exclude",
        "scope.statuses: must be a non-empty list of statuses",
    ]


def test_a_school_without_evidence_is_left_to_an_officer(herts, register, active_policy, users):
    round_ = propose(herts, active_policy)
    nursery = SchoolCategorisation.objects.get(round=round_, establishment__name="Nursery")
    assert nursery.proposed_category == ""
    assert "an officer decides" in nursery.rationale["rationale"][0]["message"]
    with pytest.raises(Refused, match="not enough evidence"):
        rounds_services.decide_school(
            actor=users["officer"],
            via=Via.WEB,
            categorisation=nursery,
            version=nursery.version,
            decision=Decision.ACCEPTED,
        )
    decided = rounds_services.decide_school(
        actor=users["officer"],
        via=Via.WEB,
        categorisation=nursery,
        version=nursery.version,
        decision=Decision.OVERRIDDEN,
        category="2",
        reason="Visited: good provision",
        evidence="Visit note of 3 July",
    )
    assert decided.category == "2"


def test_the_policy_pages_show_the_scope(herts, active_policy, users, client):
    client.force_login(users["officer"])
    base = f"/categorisation/policies/{active_policy.policy_id}/versions/{active_policy.number}/"
    page = client.get(base).content.decode()
    assert "Who is categorised" in page
    assert (
        "Academies and free schools in the LA&#x27;s area: categorised for monitoring only" in page
    )
    assert "Independent and non-maintained schools: not categorised" in page
    edit = client.get(base + "edit/").content.decode()
    assert 'name="scope"' in edit and "&quot;independent&quot;: &quot;exclude&quot;" in edit


def test_a_school_without_a_name_shows_what_is_known_and_which_file_names_it(
    herts, make_school, users, client
):
    make_school(117009, herts, name="", type_name="Community school")
    client.force_login(users["officer"])
    page = client.get("/schools/117009/").content.decode()
    assert "Unnamed school (URN 117009, community school, Hertfordshire)" in page
    assert "school information spine" in page and "GIAS" in page


def test_the_demo_round_publishes_with_schools_the_policy_cannot_place(herts, register, users):
    """The demo's sample officer decides the schools without evidence (labelled a sample)."""
    from django.contrib.auth import get_user_model

    from uplift.accounts.models import Profile, Role
    from uplift.demo.casework import seed_casework

    officer = get_user_model().objects.create_user(username="la.officer")
    Profile.objects.create(user=officer, role=Role.LA_OFFICER, la=herts)
    assert seed_casework(la=herts).endswith("published")
    nursery = SchoolCategorisation.objects.filter(establishment__name="Nursery")
    assert sorted(nursery.values_list("round__code", flat=True)) == ["2024-summer", "2026-autumn"]
    for row in nursery:
        assert row.decision == Decision.OVERRIDDEN
        assert row.override_reason.startswith("Sample decision")
