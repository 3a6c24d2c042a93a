"""One pagination envelope for every list, and one error format for every error."""

import pytest

from tests.api.helpers import assert_error

LISTS = [
    "/schools",
    "/inspections",
    "/import-runs",
    "/schools/117001/inspections",
    "/schools/117001/performance",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", LISTS)
def test_every_list_has_the_same_envelope(api_get, personas, path):
    body = api_get(personas["admin"], path).json()
    assert list(body) == ["count", "next", "previous", "results"]
    assert isinstance(body["count"], int) and isinstance(body["results"], list)


@pytest.mark.django_db
def test_limit_and_offset_walk_the_list_with_next_and_previous(client, api_get, bearer, personas):
    headers = bearer(personas["admin"])
    first = api_get(None, "/schools", {"limit": 2, "q": "", "sort": "urn"}, headers).json()
    assert first["count"] == 5 and first["previous"] is None
    assert [s["urn"] for s in first["results"]] == [117001, 117002]
    second = client.get(first["next"], headers=headers).json()
    assert [s["urn"] for s in second["results"]] == [117003, 881001]
    assert "sort=urn" in second["next"] and "offset=4" in second["next"]
    last = client.get(second["next"], headers=headers).json()
    assert [s["urn"] for s in last["results"]] == [881002] and last["next"] is None
    back = client.get(last["previous"], headers=headers).json()
    assert back["results"] == second["results"]


@pytest.mark.django_db
def test_an_offset_past_the_end_is_an_empty_page(api_get, personas):
    body = api_get(personas["admin"], "/schools", {"offset": 50, "limit": 10}).json()
    assert body["count"] == 5 and body["results"] == [] and body["next"] is None
    assert "offset=40" in body["previous"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "locations"),
    [
        ({"limit": "abc"}, ["query.limit"]),
        ({"limit": 0, "offset": -1}, ["query.limit", "query.offset"]),
        ({"limit": 100000}, ["query.limit"]),
    ],
)
def test_bad_paging_is_422_with_each_problem(api_get, personas, params, locations):
    error = assert_error(api_get(personas["admin"], "/schools", params), 422, "validation_error")
    assert [detail["location"] for detail in error["details"]] == locations
    assert all(detail["message"] and detail["type"] for detail in error["details"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params", [{"framework": "1999"}, {"kind": "nope"}, {"date_from": "yesterday"}]
)
def test_bad_inspection_filters_are_422(api_get, personas, params):
    response = api_get(personas["admin"], "/inspections", params)
    error = assert_error(response, 422, "validation_error")
    assert error["details"][0]["location"] == f"query.{next(iter(params))}"


@pytest.mark.django_db
def test_a_date_range_the_wrong_way_round_is_400(api_get, personas):
    params = {"date_from": "2024-01-01", "date_to": "2023-01-01"}
    error = assert_error(api_get(personas["admin"], "/inspections", params), 400, "bad_request")
    assert "date_from" in error["message"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/no-such-thing", "/schools/not-a-urn", "/import-runs/x"])
def test_unknown_api_paths_are_404_in_the_error_format(api_get, personas, path):
    assert_error(api_get(personas["admin"], path), 404, "not_found")


@pytest.mark.django_db
def test_an_unexpected_failure_is_500_in_the_error_format_and_logged(
    api_get, personas, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr("uplift.api.schools.routes.filter_schools", broken)
    error = assert_error(api_get(personas["admin"], "/schools"), 500, "server_error")
    assert "fire" not in error["message"]  # no internals leak out
    assert "database on fire" in caplog.text
