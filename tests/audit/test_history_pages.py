"""The history pages: who may read which object's history, what they show, and their
query counts."""

from datetime import date

import pytest
from django.urls import reverse

from uplift.audit.models import AuditEvent
from uplift.imports.models import ImportRun
from uplift.schools import services

REASON = "Heads agreed at the spring meeting"


def history(label: str, pk) -> str:
    return reverse("audit:object", args=[label, pk])


def add_herts_a_to_cluster(world, reason=REASON):
    return services.add_member(
        actor=world.users["herts_officer"],
        via="web",
        group=world.herts_cluster,
        establishment=world.schools["herts_a"],
        joined_on=date(2026, 9, 1),
        reason=reason,
    )


@pytest.fixture
def import_run(world):
    return ImportRun.objects.create(
        importer="gias",
        file_name="gias.csv",
        sha256="0" * 64,
        actor="cli",
        started_at="2026-01-01T10:00Z",
        finished_at="2026-01-01T10:01Z",
        status="applied",
    )


def targets(world, import_run) -> dict[str, str]:
    return {
        "herts_school": history("schools.establishment", world.schools["herts_a"].pk),
        "essex_school": history("schools.establishment", world.schools["essex_a"].pk),
        "herts_cluster": history("schools.schoolgroup", world.herts_cluster.pk),
        "essex_consortium": history("schools.schoolgroup", world.essex_consortium.pk),
        "herts_adviser": history("accounts.profile", world.users["adviser"].profile.pk),
        "import_run": history("imports.importrun", import_run.pk),
    }


# who: (page -> status); LA officers read their LA's objects, admins everything,
# everybody else no history at all (403), and out of scope answers 404.
MATRIX = {
    "herts_officer": {
        "herts_school": 200,
        "essex_school": 404,
        "herts_cluster": 200,
        "essex_consortium": 404,
        "herts_adviser": 200,
        "import_run": 404,
    },
    "essex_officer": {
        "herts_school": 404,
        "essex_school": 200,
        "herts_cluster": 404,
        "essex_consortium": 200,
        "herts_adviser": 404,
        "import_run": 404,
    },
    "admin": dict.fromkeys(
        [
            "herts_school",
            "essex_school",
            "herts_cluster",
            "essex_consortium",
            "herts_adviser",
            "import_run",
        ],
        200,
    ),
}
for _who in (
    "adviser",
    "data_officer",
    "headteacher",
    "chair",
    "board_member",
    "viewer",
    "no_profile",
):
    MATRIX[_who] = dict.fromkeys(MATRIX["admin"], 403)


@pytest.mark.parametrize("who", sorted(MATRIX))
def test_history_visibility_matrix(client, world, import_run, who):
    client.force_login(world.users[who])
    urls = targets(world, import_run)
    got = {name: client.get(url).status_code for name, url in urls.items()}
    assert got == MATRIX[who]
    readers = {"herts_officer", "essex_officer", "admin"}
    assert client.get(reverse("audit:recent")).status_code == (200 if who in readers else 403)


def test_signed_out_users_are_sent_to_sign_in(client, world):
    response = client.get(history("schools.establishment", world.schools["herts_a"].pk))
    assert response.status_code == 302 and "/accounts/sign-in/" in response.url


@pytest.mark.parametrize(
    ("label", "pk"),
    [
        ("schools.nothing", "1"),
        ("nothing", "1"),
        ("schools.establishment", "not-a-number"),
        ("schools.establishment", "999999"),
    ],
)
def test_unknown_objects_are_not_found(client, world, label, pk):
    client.force_login(world.users["admin"])
    assert client.get(history(label, pk)).status_code == 404


def test_a_schools_history_shows_who_when_what_and_why(client, world):
    add_herts_a_to_cluster(world)
    officer = world.users["herts_officer"]
    officer.first_name, officer.last_name = "Hana", "Reed"
    officer.save()
    client.force_login(officer)
    response = client.get(history("schools.establishment", world.schools["herts_a"].pk))
    html = response.content.decode()
    assert "School joined the group" in html
    assert "Hana Reed" in html and "Web page" in html
    assert "herts.officer" not in html  # people by name, never by login name
    assert REASON in html
    assert "Dacorum Cluster (Cluster)" in html  # the group it joined
    (shown,) = response.context["page"].object_list
    assert [(c.field, c.before, c.after) for c in shown.changes] == [
        ("Joined", "", "1 September 2026"),
        ("School", "", "Abbots Langley Primary (117001)"),
    ]
    assert "set to</span> 1 September 2026" in html


def test_a_groups_history_shows_before_and_after(client, world):
    services.rename_group(
        actor=world.users["herts_officer"],
        via="web",
        group=world.herts_cluster,
        name="Dacorum Schools",
        reason="New name agreed",
    )
    add_herts_a_to_cluster(world)
    client.force_login(world.users["herts_officer"])
    html = client.get(history("schools.schoolgroup", world.herts_cluster.pk)).content.decode()
    assert "Group renamed" in html and "New name agreed" in html
    assert "Dacorum Cluster" in html and "Dacorum Schools" in html
    assert "changed from</span> Dacorum Cluster" in html
    assert "Abbots Langley Primary (URN 117001)" in html  # the school a membership concerns
    assert f'href="{reverse("groups:detail", args=[world.herts_cluster.pk])}"' in html


def test_recent_changes_cover_the_officers_la_only(client, world):
    add_herts_a_to_cluster(world, reason="Herts change")
    services.add_member(
        actor=world.users["essex_officer"],
        via="web",
        group=world.essex_consortium,
        establishment=world.schools["essex_a"],
        joined_on=date(2026, 9, 1),
        reason="Essex change",
    )
    client.force_login(world.users["herts_officer"])
    html = client.get(reverse("audit:recent")).content.decode()
    assert "Herts change" in html and "Essex change" not in html
    event_url = history("schools.schoolgroup", world.herts_cluster.pk)
    assert f'href="{event_url}"' in html
    client.force_login(world.users["admin"])
    html = client.get(reverse("audit:recent")).content.decode()
    assert "Herts change" in html and "Essex change" in html


@pytest.mark.parametrize(
    ("who", "shown"),
    [("herts_officer", True), ("admin", True), ("headteacher", False), ("adviser", False)],
)
def test_the_school_page_links_to_its_history(client, world, who, shown):
    client.force_login(world.users[who])
    school = world.schools["herts_a"]
    html = client.get(reverse("schools:detail", args=[school.urn])).content.decode()
    assert (history("schools.establishment", school.pk) in html) is shown


def make_events(world, count: int) -> None:
    group = world.herts_cluster
    for number in range(count):
        services.rename_group(
            actor=world.users["herts_officer"],
            via="web",
            group=group,
            name=f"Cluster {number}",
            reason=f"Change {number}",
        )
    add_herts_a_to_cluster(world)


@pytest.mark.parametrize("count", [1, 40])
def test_history_pages_make_a_fixed_number_of_queries(
    client, world, count, django_assert_max_num_queries
):
    make_events(world, count)
    client.force_login(world.users["herts_officer"])
    urls = [
        history("schools.schoolgroup", world.herts_cluster.pk),
        history("schools.establishment", world.schools["herts_a"].pk),
        reverse("audit:recent"),
    ]
    for url in urls:
        with django_assert_max_num_queries(9):  # with the navigation's finance permission
            response = client.get(url)
        assert response.status_code == 200
    assert AuditEvent.objects.count() == count + 1
