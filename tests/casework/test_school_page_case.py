"""The school page shows the school's current LA category to those who read it, and its open
concern case to LA staff only."""

from datetime import date

import pytest
from django.test import Client

from tests.casework.cases_fixtures import (  # noqa: F401 (fixtures)
    las_fixture,
    moderated_round,
    schools_fixture,
    users_fixture,
)
from uplift.audit.models import Via
from uplift.casework.cases import services as cases_services
from uplift.categorisation.rounds.services import publish_round

pytestmark = pytest.mark.django_db


def _page(user, urn=117001) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(f"/schools/{urn}/")
    assert response.status_code == 200
    return response.content.decode()


def test_officer_sees_category_and_case_head_sees_category_only(users, schools, las):
    officer = users["officer"]
    round_ = moderated_round(
        la=las["herts"], officer=officer, categories={schools["maintained"]: "3a"}
    )
    assert "LA category" not in _page(officer)  # nothing published yet
    publish_round(actor=officer, via=Via.WEB, round=round_, version=round_.version, reason="Go")
    case = cases_services.open_case(
        actor=officer,
        via=Via.WEB,
        establishment=schools["maintained"],
        opened_on=date(2026, 10, 1),
        reason="Governance concerns",
    )

    html = _page(officer)
    assert "Category 3a (Requires improvement +)" in html
    assert f'href="/casework/cases/{case.pk}/"' in html and "concern raised" in html
    head = _page(users["head"])
    assert "Category 3a (Requires improvement +)" in head
    assert "Concern case" not in head and "/casework/cases/" not in head
