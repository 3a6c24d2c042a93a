"""GET /api/v1/schools/{urn}/flags: the coasting and RISE flags on a date, with the rule."""

from datetime import date

import pytest

from tests.api.helpers import V1, assert_error
from uplift.accounts.models import Profile, Role
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource

pytestmark = pytest.mark.django_db


def _graded(school, day, grade):
    return Inspection.objects.create(
        establishment=school,
        framework="eif2019",
        kind=InspectionKind.GRADED,
        start_date=day,
        overall_grade=grade,
        source=InspectionSource.MANUAL,
    )


def test_two_inspections_requiring_improvement_raise_both_flags(
    client, herts, essex, make_school, django_user_model
):
    school = make_school(117001, herts)
    make_school(881001, essex)
    _graded(school, date(2023, 1, 10), 3)
    _graded(school, date(2020, 2, 4), 3)
    officer = django_user_model.objects.create_user(username="officer")
    Profile.objects.create(user=officer, role=Role.LA_OFFICER, la=herts)
    client.force_login(officer)

    flags = {f["code"]: f for f in client.get(f"{V1}/schools/117001/flags?on=2025-06-01").json()}
    assert flags["coasting"]["raised"] and flags["coasting"]["rule"] == "coasting_2022"
    assert flags["rise_stuck"]["raised"] and "10 January 2023" in flags["rise_stuck"]["reason"]

    before_rise = client.get(f"{V1}/schools/117001/flags?on=2024-06-01").json()
    assert [f["raised"] for f in before_rise if f["code"] == "rise_stuck"] == [False]

    assert_error(client.get(f"{V1}/schools/881001/flags"), 404, "not_found")
