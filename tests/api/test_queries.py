"""Each endpoint runs a bounded number of queries: the same bound for 3 schools as for 40."""

from datetime import UTC, date, datetime

import pytest

from uplift.api.services import create_token
from uplift.imports.models import ImportRun, RunStatus
from uplift.performance.models import Dataset, Level, Measure, Result
from uplift.schools.models import EstablishmentLink, GroupKind, GroupMembership, SchoolGroup

FIRST = 100000  # the URN of the school whose pages are asked for

# Token lookup and its last-used note included.
BOUNDS = {
    "/schools": 6,
    "/inspections": 5,
    "/import-runs": 4,
    f"/schools/{FIRST}": 9,
    f"/schools/{FIRST}/inspections": 6,
    f"/schools/{FIRST}/performance": 7,
}


def add_results(school, herts, n: int) -> None:
    """Measure n, with the school's, the LA's and England's figures for two years."""
    measure = Measure.objects.create(
        code=f"ks2.M{n}", dataset=Dataset.KS2, source_column=f"M{n}", label=f"Measure {n}"
    )
    for year in ("2022-23", "2023-24"):
        for level, key, subject in [
            (Level.SCHOOL, f"urn:{school.urn}", {"establishment": school}),
            (Level.LA, "la:919", {"la": herts, "segment": "state-funded"}),
            (Level.ENGLAND, "england", {"segment": "state-funded"}),
        ]:
            Result.objects.create(
                measure=measure,
                academic_year=year,
                level=level,
                subject_key=key,
                value=n,
                **subject,
            )


@pytest.fixture
def region(herts, make_school, inspect, admin_user):
    """`size` schools, each inspected twice, all in a trust and a cluster, linked to the
    first school, which has `size` measures; `size` import runs. Returns token headers."""

    def build(size: int) -> dict:
        cluster = SchoolGroup.objects.create(kind=GroupKind.CLUSTER, name="Cluster")
        trust = SchoolGroup.objects.create(kind=GroupKind.TRUST, name="Trust")
        first = None
        moment = datetime(2025, 1, 1, tzinfo=UTC)
        for n in range(size):
            school = make_school(FIRST + n, herts, trust=trust)
            first = first or school
            inspect(school, start_date=date(2019, 1, 1 + n % 28), framework="eif2019")
            inspect(school, start_date=date(2024, 1, 1 + n % 28), framework="eif2019")
            GroupMembership.objects.create(group=cluster, establishment=school)
            EstablishmentLink.objects.create(
                urn=FIRST, linked_urn=school.urn, link_type="Successor"
            )
            add_results(first, herts, n)
            ImportRun.objects.create(
                importer="gias",
                file_name=f"file{n}.csv",
                sha256="0" * 64,
                actor="cli",
                started_at=moment,
                finished_at=moment,
                status=RunStatus.APPLIED,
            )
        return {"Authorization": f"Bearer {create_token(user=admin_user).secret}"}

    return build


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3, 40])
@pytest.mark.parametrize("path", sorted(BOUNDS))
def test_queries_do_not_grow_with_the_data(
    client, region, django_assert_max_num_queries, size, path
):
    headers = region(size)
    with django_assert_max_num_queries(BOUNDS[path]):
        response = client.get(f"/api/v1{path}", {"limit": 100}, headers=headers)
    assert response.status_code == 200
    body = response.json()
    shown = len(body["links"]) if path == f"/schools/{FIRST}" else len(body["results"])
    assert shown == expected_items(path, size)


def expected_items(path: str, size: int) -> int:
    return {"/inspections": 2 * size, f"/schools/{FIRST}/inspections": 2}.get(path, size)
