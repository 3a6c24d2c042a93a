"""The OpenAPI schema and the docs page, served from this site alone (no CDN)."""

import json
import re

import pytest
from django.contrib.staticfiles import finders

from tests.api.helpers import V1, assert_error
from uplift.api.services import create_token

PATHS = {
    "/api/v1/schools",
    "/api/v1/schools/{urn}",
    "/api/v1/schools/{urn}/inspections",
    "/api/v1/schools/{urn}/performance",
    "/api/v1/inspections",
    "/api/v1/import-runs",
    "/api/v1/import-runs/{run_id}",
    *(
        f"/api/v1/reports/{{code}}/{report}"
        for report in (
            "ofsted-summary",
            "report-card-areas",
            "targets",
            "attainment",
            "categories",
            "priority-schools",
        )
    ),
    "/api/v1/reports/la-record",
    # Casework
    "/api/v1/cases",
    *(
        f"/api/v1/cases/{{case_id}}{tail}"
        for tail in (
            "",
            "/close",
            "/letters",
            "/moves",
            "/notice-of-intention",
            "/powers",
            "/structural-solutions",
            "/warning-notices",
        )
    ),
    "/api/v1/warning-notices/{notice_id}/compliance",
    "/api/v1/warning-notices/{notice_id}/dfe-copy",
    "/api/v1/powers/{power_id}/dfe-notification",
    "/api/v1/letters/{letter_id}",
    "/api/v1/letters/{letter_id}/pdf",
    "/api/v1/letters/{letter_id}/sending",
    "/api/v1/schools/{urn}/meetings",
    "/api/v1/meeting-actions/{action_id}/done",
    "/api/v1/las/{code}/school-holidays",
    "/api/v1/las/{code}/working-days",
    # Support
    "/api/v1/schools/{urn}/visits",
    "/api/v1/schools/{urn}/entitlement",
    "/api/v1/visits",
    *(
        f"/api/v1/visits/{{visit_id}}{tail}"
        for tail in ("", "/cancel", "/comment", "/finalise", "/note", "/share")
    ),
    "/api/v1/schools/{urn}/action-plans",
    "/api/v1/action-plans",
    "/api/v1/action-plans/{plan_id}",
    "/api/v1/action-plans/{plan_id}/close",
    "/api/v1/action-plans/{plan_id}/objectives",
    "/api/v1/objectives/{objective_id}/achieved",
    "/api/v1/objectives/{objective_id}/milestones",
    "/api/v1/objectives/{objective_id}/reviews",
    "/api/v1/milestones/{milestone_id}/done",
    "/api/v1/schools/{urn}/support-cycles",
    "/api/v1/support-cycles",
    "/api/v1/support-cycles/{cycle_id}",
    "/api/v1/support-cycles/{cycle_id}/steps",
    # School-to-school support
    "/api/v1/support-organisations",
    "/api/v1/support-organisations/{org_id}/checks",
    "/api/v1/system-leaders",
    "/api/v1/support-requests",
    "/api/v1/support-requests/{request_id}",
    "/api/v1/support-requests/{request_id}/deployments",
    "/api/v1/deployments",
    "/api/v1/deployments/{deployment_id}",
    "/api/v1/deployments/{deployment_id}/sessions",
    "/api/v1/deployments/{deployment_id}/sessions/{session_id}/comment",
    "/api/v1/deployments/{deployment_id}/review",
    "/api/v1/deployments/{deployment_id}/exit",
    "/api/v1/deployments/{deployment_id}/impact",
    "/api/v1/credits/{urn}",
    # Work and timelines
    "/api/v1/me/work",
    "/api/v1/schools/{urn}/timeline",
    "/api/v1/schools/{urn}/flags",
    "/api/v1/schools/{urn}/risk",
    "/api/v1/early-warning/{la}/flags",
    "/api/v1/early-warning/flags/{id}/review",
    "/api/v1/schools/{urn}/category",
    "/api/v1/judgements",
    # Money: funds, commissions, grants and traded services
    "/api/v1/funds",
    "/api/v1/funds/{fund_id}/ledger",
    "/api/v1/funds/{fund_id}/commitments",
    "/api/v1/commissions",
    "/api/v1/commissions/{commission_id}/impact",
    "/api/v1/grant-schemes",
    "/api/v1/subscriptions",
    "/api/v1/spend",
    "/api/v1/grant-applications/{application_id}/claims",
    # Partnerships and boards
    "/api/v1/partnerships",
    "/api/v1/partnerships/{pk}",
    "/api/v1/partnerships/{pk}/meetings",
    "/api/v1/meetings/{pk}/votes",
    # Governor services
    "/api/v1/governing-bodies/{urn}",
    "/api/v1/governing-bodies/{urn}/governors",
    "/api/v1/governors",
    "/api/v1/governor-vacancies",
}


@pytest.fixture
def signed_in(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(username="reader"))
    return client


@pytest.mark.django_db
def test_the_schema_and_docs_are_for_signed_in_users_and_token_holders(client, django_user_model):
    assert_error(client.get(f"{V1}/openapi.json"), 401, "not_authenticated")
    bad = {"Authorization": "Bearer not-a-token"}
    assert_error(client.get(f"{V1}/openapi.json", headers=bad), 401, "not_authenticated")
    docs = client.get("/api/docs")
    assert docs.status_code == 302 and docs["Location"].startswith("/accounts/sign-in/")
    token = create_token(user=django_user_model.objects.create_user(username="script")).secret
    answer = client.get(f"{V1}/openapi.json", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200 and answer.json()["info"]["title"] == "Uplift API"


@pytest.mark.django_db
def test_openapi_json_lists_every_path_with_auth_and_the_error_format(signed_in):
    client = signed_in
    response = client.get(f"{V1}/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.") and schema["info"]["title"] == "Uplift API"
    assert set(schema["paths"]) == PATHS
    assert {"BearerToken", "SessionAuth"} <= set(schema["components"]["securitySchemes"])
    listing = schema["paths"]["/api/v1/schools"]["get"]
    assert {"limit", "offset", "q", "la", "phase_group", "type", "outcome", "trust", "group"} <= {
        p["name"] for p in listing["parameters"]
    }
    assert {"200", "401", "404", "422"} <= set(listing["responses"])
    assert "ErrorOut" in schema["components"]["schemas"]


@pytest.mark.django_db
def test_docs_page_uses_only_local_static_files_and_no_inline_script(signed_in):
    client = signed_in
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(url.startswith("/static/") for url in sources)
    for url in sources:  # each is really there to serve
        assert finders.find(url.removeprefix("/static/")), url
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    for attributes, body in scripts:  # executable scripts come from files; inline is JSON data
        assert "src=" in attributes or 'type="application/json"' in attributes
        assert "src=" in attributes or body.strip().startswith("{")
    assert "/api/v1/openapi.json" in html
    assert '"validatorUrl": null' in html  # Swagger UI must not call swagger.io


@pytest.mark.django_db
def test_docs_with_a_trailing_slash_redirects(client):
    response = client.get("/api/docs/")
    assert response.status_code == 302 and response["Location"] == "/api/docs"


@pytest.mark.django_db
def test_every_schema_reference_resolves(signed_in):
    client = signed_in
    schema = client.get(f"{V1}/openapi.json").json()
    text = json.dumps(schema)
    references = set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', text))
    assert references and references <= set(schema["components"]["schemas"])
