"""The policy pages: for the LA's officers and administrators only, every section readable,
edits saved as new drafts with errors naming the exact path, the diff and the what-if."""

import json
from datetime import date

import pytest

from tests.categorisation.builders import base_definition
from uplift.audit.models import AuditEvent, Via
from uplift.categorisation import services
from uplift.categorisation.models import Policy, PolicyVersion, VersionStatus
from uplift.schools.models import PhaseGroup


@pytest.fixture
def policy(active_policy):
    return active_policy.policy


def signed_in(client, user):
    client.force_login(user)
    return client


def url(policy, tail=""):
    return f"/categorisation/policies/{policy.pk}/{tail}"


def edit_post(version, change_note="Stricter on reading", **sections):
    data = {key: json.dumps(value) for key, value in version.definition.items()}
    data.update(
        {
            key: value if isinstance(value, str) else json.dumps(value)
            for key, value in sections.items()
        }
    )
    data["change_note"] = change_note
    return data


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("officer", 200),
        ("admin", 200),
        ("essex_officer", 404),
        ("data_officer", 403),
        ("adviser", 403),
        ("viewer", 403),
        ("nobody", 403),
    ],
)
def test_who_may_open_a_policy(client, users, policy, who, status):
    response = signed_in(client, users[who]).get(url(policy, "versions/1/"))
    assert response.status_code == status


def test_signed_out_visitors_are_sent_to_sign_in(client, policy):
    response = client.get("/categorisation/policies/")
    assert response.status_code == 302 and "/accounts/" in response["Location"]


def test_the_list_shows_the_user_s_la_only(client, users, policy, essex):
    services.create_policy_from_preset(
        actor=None, via=Via.CLI, la=essex, preset="risk_a_to_d", name="Essex risk", reason="x"
    )
    page = signed_in(client, users["officer"]).get("/categorisation/policies/").content.decode()
    assert "Peterborough" in page and "Essex risk" not in page
    page = signed_in(client, users["admin"]).get("/categorisation/policies/").content.decode()
    assert "Peterborough" in page and "Essex risk" in page


def test_a_version_reads_in_words(client, users, policy):
    page = signed_in(client, users["officer"]).get(url(policy, "versions/1/")).content.decode()
    assert "Category 3b (Requires improvement -)" in page
    assert "Standards KS2" in page
    assert "concern: (ks2.PTRWM_EXP &lt; 65 and (ks2.READPROG &lt; -5" in page
    assert "grade 3 → Category 3a (Requires improvement +)" in page
    assert (
        "when the latest inspection placed the school in an Ofsted category of concern, "
        "never better than Category 4 (Inadequate)" in page
    )


def test_a_matrix_is_shown_as_a_table(client, users, herts):
    version = services.create_policy_from_preset(
        actor=None, via=Via.CLI, la=herts, preset="two_dimension", name="Colours", reason="x"
    )
    page = (
        signed_in(client, users["officer"]).get(url(version.policy, "versions/1/")).content.decode()
    )
    assert "Data standards group (down) with Capacity to improve (adviser&#x27;s judgement)" in page
    assert page.count('<th scope="row" class="govuk-table__header">4</th>') == 1


def test_creating_a_policy_from_a_preset(client, users, herts):
    response = signed_in(client, users["officer"]).post(
        "/categorisation/policies/new/",
        {"preset": "risk_a_to_d", "name": "", "reason": "Trying the A to D model"},
    )
    policy = Policy.objects.get()
    assert response["Location"] == url(policy, "versions/1/")
    assert policy.name == "Four-level risk rating (A to D)"


def test_editing_saves_a_new_draft(client, users, policy, active_policy):
    thresholds = dict(active_policy.definition["thresholds"])
    thresholds["ks2_standards"]["levels"][1]["when"]["value"] = 75
    response = signed_in(client, users["officer"]).post(
        url(policy, "versions/1/edit/"), edit_post(active_policy, thresholds=thresholds)
    )
    assert response["Location"] == url(policy, "versions/2/")
    saved = PolicyVersion.objects.get(policy=policy, number=2)
    assert saved.status == VersionStatus.DRAFT
    assert saved.definition["thresholds"]["ks2_standards"]["levels"][1]["when"]["value"] == 75
    assert saved.change_note == "Stricter on reading"


def test_edit_errors_name_the_exact_path_on_their_section(client, users, policy, active_policy):
    rules = json.loads(json.dumps(active_policy.definition["rules"]))
    rules["anchor"]["overall_grade"]["1"] = "Z"
    criteria = '[{"code": "x", "code": "y"}'
    response = signed_in(client, users["officer"]).post(
        url(policy, "versions/1/edit/"), edit_post(active_policy, rules=rules, criteria=criteria)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["criteria"] == [
        "criteria: not valid JSON (Expecting ',' delimiter at line 1 column 28)"
    ]
    response = signed_in(client, users["officer"]).post(
        url(policy, "versions/1/edit/"), edit_post(active_policy, criteria=criteria + "]")
    )
    assert (
        "criteria[0].code: this key appears more than once"
        in (response.context["form"].errors["criteria"])
    )
    response = signed_in(client, users["officer"]).post(
        url(policy, "versions/1/edit/"), edit_post(active_policy, rules=rules)
    )
    errors = response.context["form"].errors
    assert errors["rules"] == [
        "rules.anchor.overall_grade.1: unknown category code 'Z'; categories: 1, 2, 3a, 3b, 4"
    ]
    page = response.content.decode()
    assert '<a href="#id_rules">rules.anchor.overall_grade.1: unknown category code' in page
    assert PolicyVersion.objects.count() == 1


def test_a_stale_edit_is_refused_on_the_form(client, users, policy, active_policy):
    services.save_draft(
        actor=None,
        via=Via.CLI,
        based_on=active_policy,
        definition=base_definition(),
        change_note="meanwhile",
    )
    response = signed_in(client, users["officer"]).post(
        url(policy, "versions/1/edit/"), edit_post(active_policy, change_note="mine")
    )
    assert "Version 2 of Peterborough was saved while you were editing version 1" in (
        response.content.decode()
    )
    assert PolicyVersion.objects.count() == 2


def test_activating_and_copying(client, users, policy, active_policy):
    draft = services.save_draft(
        actor=None,
        via=Via.CLI,
        based_on=active_policy,
        definition=base_definition(),
        change_note="simpler",
    )
    officer = signed_in(client, users["officer"])
    assert officer.get(url(policy, "versions/1/activate/")).status_code == 403  # not a draft
    response = officer.post(url(policy, "versions/2/activate/"), {"reason": "Agreed by board"})
    assert response["Location"] == url(policy, "versions/2/")
    draft.refresh_from_db()
    assert draft.status == VersionStatus.ACTIVE
    response = officer.post(
        url(policy, "versions/2/copy/"), {"name": "Trial", "reason": "A variant to try"}
    )
    copy = Policy.objects.get(name="Trial")
    assert response["Location"] == url(copy, "versions/1/")
    assert AuditEvent.objects.filter(action="categorisation.policy_copied").count() == 1


def test_the_difference_between_two_versions(client, users, policy, active_policy):
    edited = json.loads(json.dumps(active_policy.definition))
    edited["rules"]["anchor"]["not_inspected"] = "3b"
    del edited["criteria"][0]
    for adjustment in edited["rules"]["adjustments"][:2]:
        adjustment["params"]["criteria"].remove("attainment_on_entry")
    services.save_draft(
        actor=None, via=Via.CLI, based_on=active_policy, definition=edited, change_note="changes"
    )
    page = (
        signed_in(client, users["officer"])
        .get(url(policy, "compare/"), {"before": 1, "after": 2})
        .content.decode()
    )
    assert "Changes from version 1 to version 2" in page
    assert "Removed: <strong>attainment_on_entry</strong>" in page
    assert "Changed: not_inspected" in page
    assert "Changed: local_concerns" in page


def test_what_if_page_lists_the_changes_in_a_bounded_number_of_queries(
    client,
    users,
    herts,
    policy,
    active_policy,
    make_school,
    inspect,
    django_assert_max_num_queries,
):
    def add_schools(first, count):
        for urn in range(first, first + count):
            school = make_school(urn, herts, phase=PhaseGroup.SECONDARY)
            inspect(school, date(2021, 1, 1), grade=2)

    add_schools(1, 2)
    services.propose_round(
        actor=None,
        via=Via.CLI,
        la=herts,
        code="2026-autumn",
        policy_version=active_policy,
        reason="x",
    )
    edited = json.loads(json.dumps(active_policy.definition))
    edited["rules"]["anchor"]["overall_grade"]["2"] = "3a"
    services.save_draft(
        actor=None,
        via=Via.CLI,
        based_on=active_policy,
        definition=edited,
        change_note="good is not enough",
    )
    officer = signed_in(client, users["officer"])
    address = url(policy, "versions/2/what-if/")
    with django_assert_max_num_queries(20):
        page = officer.get(address, {"round": "2026-autumn"}).content.decode()
    assert "2 schools would change category in round 2026-autumn" in page
    add_schools(100, 10)
    services.propose_round(
        actor=None,
        via=Via.CLI,
        la=herts,
        code="2026-autumn",
        policy_version=active_policy,
        reason="x",
    )
    with django_assert_max_num_queries(20):
        page = officer.get(address, {"round": "2026-autumn"}).content.decode()
    assert "12 schools would change category in round 2026-autumn" in page
    assert "which this policy places in Category 3a (Requires improvement +)" in page  # new
    assert "which this policy places in Category 2 (Good)" in page  # and the old rationale
