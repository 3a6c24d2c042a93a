"""Every endpoint, called with each demo persona's token, answers exactly that role's scope."""

from datetime import UTC, datetime

import pytest

from tests.api.conftest import ALL, IMPORTERS, SCOPES
from tests.api.helpers import assert_error
from uplift.imports.models import ImportRun, RunStatus

PERSONAS = sorted(SCOPES)
MISSING_URN = 999999


@pytest.fixture
def run(db):
    moment = datetime(2025, 1, 1, tzinfo=UTC)
    return ImportRun.objects.create(
        importer="gias",
        file_name="edubasealldata.csv",
        sha256="0" * 64,
        actor="cli",
        started_at=moment,
        finished_at=moment,
        status=RunStatus.REJECTED,
        errors=[{"row": 2, "column": "URN", "value": "x", "reason": "not a number"}],
    )


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_school_list_is_the_personas_scope(api_get, personas, persona):
    body = api_get(personas[persona], "/schools", {"limit": 100}).json()
    assert {school["urn"] for school in body["results"]} == SCOPES[persona]
    assert body["count"] == len(SCOPES[persona])


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_inspection_list_is_the_personas_scope(api_get, personas, persona):
    body = api_get(personas[persona], "/inspections").json()
    assert {item["school"]["urn"] for item in body["results"]} == SCOPES[persona]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("suffix", ["", "/inspections", "/performance"])
def test_school_endpoints_answer_in_scope_and_404_outside(api_get, personas, persona, suffix):
    user = personas[persona]
    missing = api_get(user, f"/schools/{MISSING_URN}{suffix}")
    assert_error(missing, 404, "not_found")
    for urn in sorted(ALL):
        response = api_get(user, f"/schools/{urn}{suffix}")
        if urn in SCOPES[persona]:
            assert response.status_code == 200
        else:  # the same answer as for a school that does not exist
            assert response.status_code == 404
            assert response.json() == missing.json()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_import_runs_only_for_those_who_import(api_get, personas, run, persona):
    listing = api_get(personas[persona], "/import-runs")
    detail = api_get(personas[persona], f"/import-runs/{run.pk}")
    if persona in IMPORTERS:
        assert listing.status_code == 200 and listing.json()["count"] == 1
        assert detail.status_code == 200 and detail.json()["errors"][0]["reason"]
        assert_error(api_get(personas[persona], f"/import-runs/{run.pk + 1}"), 404, "not_found")
    else:
        assert_error(listing, 403, "forbidden")
        assert_error(detail, 403, "forbidden")
