"""The LA's casework calendar: selectors, services (scope, rules, audit), pages and API."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from uplift.accounts.models import Profile, Role
from uplift.api.services import create_token
from uplift.audit.models import AuditEvent
from uplift.casework.calendar import selectors, services
from uplift.casework.models import CaseworkSettings, SchoolHoliday
from uplift.core.errors import NotAllowed, Refused
from uplift.schools.models import LocalAuthority

CHANGE = {"via": "web", "reason": "The LA's published term dates"}


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def herts(db):
    return LocalAuthority.objects.create(code="919", name="Hertfordshire")


@pytest.fixture
def essex(db):
    return LocalAuthority.objects.create(code="881", name="Essex")


@pytest.fixture
def make_user(db):
    def make(username: str, role: str, **scope):
        user = get_user_model().objects.create_user(username=username, password="pw")
        Profile.objects.create(user=user, role=role, **scope)
        return user

    return make


@pytest.fixture
def officer(make_user, herts):
    return make_user("officer", Role.LA_OFFICER, la=herts)


@pytest.fixture
def admin(make_user):
    return make_user("admin", Role.SYSTEM_ADMIN)


@pytest.fixture
def christmas(officer, herts):
    return services.add_school_holiday(
        actor=officer,
        la=herts,
        name="Christmas holiday 2026",
        starts_on=date(2026, 12, 21),
        ends_on=date(2027, 1, 1),
        **CHANGE,
    )


# Selectors


def test_settings_for_an_la_without_any_is_an_unsaved_default(herts, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = selectors.settings_for(la=herts)
    assert found.pk is None and found.compliance_working_days == 15
    assert not CaseworkSettings.objects.exists()  # reading never writes


def test_the_calculator_names_every_skipped_day(herts, christmas, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        calc = selectors.working_day_calculation(la=herts, start=date(2026, 12, 18), days=15)
    assert calc.deadline == date(2027, 1, 22)
    assert calc.powers_window_ends == date(2027, 3, 22)
    why = {s.day: s.why for s in calc.skipped}
    assert why[date(2026, 12, 19)] == "Saturday"
    assert why[date(2026, 12, 20)] == "Sunday"
    assert why[date(2026, 12, 25)] == "Christmas Day"
    assert why[date(2026, 12, 28)] == "Boxing Day (observed)"
    assert why[date(2027, 1, 1)] == "New Year's Day"
    assert why[date(2026, 12, 22)] == "Christmas holiday 2026"
    assert date(2027, 1, 4) not in why


def test_another_las_holidays_do_not_count(herts, essex, admin):
    services.add_school_holiday(
        actor=admin,
        la=essex,
        name="Essex",
        starts_on=date(2026, 12, 21),
        ends_on=date(2027, 1, 1),
        **CHANGE,
    )
    calc = selectors.working_day_calculation(la=herts, start=date(2026, 12, 18), days=1)
    assert calc.deadline == date(2026, 12, 21)


# Services


def test_settings_are_saved_with_an_audit_event(officer, herts):
    saved = services.update_casework_settings(
        actor=officer, la=herts, compliance_working_days=10, action_plan_working_days=20, **CHANGE
    )
    assert saved.compliance_working_days == 10 and saved.updated_by == officer
    event = AuditEvent.objects.get(action="casework.settings_updated")
    assert event.reason == CHANGE["reason"] and event.la == herts
    assert event.changes["compliance_working_days"] == [None, 10]
    again = services.update_casework_settings(
        actor=officer, la=herts, compliance_working_days=15, action_plan_working_days=20, **CHANGE
    )
    assert again.pk == saved.pk and CaseworkSettings.objects.count() == 1


@pytest.mark.parametrize("days", [0, 61, -3])
def test_settings_must_be_1_to_60_working_days(officer, herts, days):
    with pytest.raises(Refused, match="from 1 to 60 working days"):
        services.update_casework_settings(
            actor=officer,
            la=herts,
            compliance_working_days=days,
            action_plan_working_days=15,
            **CHANGE,
        )
    assert not CaseworkSettings.objects.exists() and not AuditEvent.objects.exists()


def test_a_change_needs_a_reason(officer, herts):
    with pytest.raises(Refused, match="reason"):
        services.update_casework_settings(
            actor=officer,
            via="web",
            la=herts,
            compliance_working_days=10,
            action_plan_working_days=10,
            reason="  ",
        )


def test_an_officer_of_another_la_or_another_role_may_not_change_the_calendar(
    make_user,
    essex,
    herts,
):
    other = make_user("essex.officer", Role.LA_OFFICER, la=essex)
    adviser = make_user("adviser", Role.ADVISER, la=herts)
    for actor in (other, adviser):
        with pytest.raises(NotAllowed):
            services.add_school_holiday(
                actor=actor,
                la=herts,
                name="Half term",
                starts_on=date(2026, 10, 26),
                ends_on=date(2026, 10, 30),
                **CHANGE,
            )
    assert not SchoolHoliday.objects.exists()


def test_a_holiday_cannot_end_before_it_starts(officer, herts):
    with pytest.raises(Refused, match="cannot end"):
        services.add_school_holiday(
            actor=officer,
            la=herts,
            name="Backwards",
            starts_on=date(2026, 10, 30),
            ends_on=date(2026, 10, 26),
            **CHANGE,
        )


def test_a_holiday_may_not_overlap_another_of_the_la(officer, herts, essex, admin, christmas):
    with pytest.raises(Refused, match="overlaps Christmas holiday 2026"):
        services.add_school_holiday(
            actor=officer,
            la=herts,
            name="New year",
            starts_on=date(2027, 1, 1),
            ends_on=date(2027, 1, 4),
            **CHANGE,
        )
    # the day after, and the same days in another LA, are fine
    services.add_school_holiday(
        actor=officer,
        la=herts,
        name="Inset day",
        starts_on=date(2027, 1, 4),
        ends_on=date(2027, 1, 4),
        **CHANGE,
    )
    services.add_school_holiday(
        actor=admin,
        la=essex,
        name="Christmas",
        starts_on=date(2026, 12, 21),
        ends_on=date(2027, 1, 1),
        **CHANGE,
    )
    assert SchoolHoliday.objects.count() == 3


def test_adding_and_removing_a_holiday_is_audited(officer, christmas):
    added = AuditEvent.objects.get(action="casework.school_holiday_added")
    assert added.changes["name"] == [None, "Christmas holiday 2026"]
    services.remove_school_holiday(actor=officer, via="web", holiday=christmas, reason="Typo")
    assert not SchoolHoliday.objects.exists()
    removed = AuditEvent.objects.get(action="casework.school_holiday_removed")
    assert removed.reason == "Typo" and removed.changes["starts_on"] == ["2026-12-21", None]


# Pages


def test_an_officer_is_sent_to_their_las_calendar(client, officer):
    client.force_login(officer)
    assert client.get("/casework/calendar/")["Location"] == "/casework/calendar/919/"


def test_an_admin_chooses_an_la(client, admin, herts, essex):
    client.force_login(admin)
    page = client.get("/casework/calendar/").content.decode()
    assert "/casework/calendar/919/" in page and "/casework/calendar/881/" in page


def test_the_calculator_shows_the_deadline_and_why_each_day_was_skipped(client, officer, christmas):
    client.force_login(officer)
    response = client.get(
        "/casework/calendar/919/",
        {"start_day": "18", "start_month": "12", "start_year": "2026", "days": "15"},
    )
    page = response.content.decode()
    assert "Friday 22 January 2027" in page
    assert "Monday 22 March 2027" in page  # s.64 window end
    assert "Boxing Day (observed)" in page and "Christmas holiday 2026" in page
    assert "Saturday" in page


def test_the_calculator_form_reports_its_errors(client, officer):
    client.force_login(officer)
    page = client.get(
        "/casework/calendar/919/", {"start_day": "31", "start_month": "2", "start_year": "2026"}
    ).content.decode()
    assert "There is a problem" in page and "must be a real date" in page
    assert "Enter the number of working days" in page


def test_the_settings_page_saves_and_refuses_with_the_rule(client, officer, herts):
    client.force_login(officer)
    url = "/casework/calendar/919/settings/"
    refused = client.post(
        url, {"compliance_working_days": "61", "action_plan_working_days": "15", "reason": "x"}
    )
    assert refused.status_code == 200 and "from 1 to 60 working days" in refused.content.decode()
    saved = client.post(
        url, {"compliance_working_days": "20", "action_plan_working_days": "10", "reason": "Policy"}
    )
    assert saved["Location"] == "/casework/calendar/919/"
    assert CaseworkSettings.objects.get(la=herts).compliance_working_days == 20


def test_an_overlapping_holiday_is_refused_in_the_error_summary(client, officer, christmas):
    client.force_login(officer)
    response = client.post(
        "/casework/calendar/919/holidays/new/",
        {
            "name": "New year",
            "starts_on_day": "1",
            "starts_on_month": "1",
            "starts_on_year": "2027",
            "ends_on_day": "3",
            "ends_on_month": "1",
            "ends_on_year": "2027",
            "reason": "Term dates",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "overlaps Christmas holiday 2026" in page
    assert SchoolHoliday.objects.count() == 1


def test_a_holiday_is_added_and_removed_through_the_pages(client, officer):
    client.force_login(officer)
    added = client.post(
        "/casework/calendar/919/holidays/new/",
        {
            "name": "Half term",
            "starts_on_day": "26",
            "starts_on_month": "10",
            "starts_on_year": "2026",
            "ends_on_day": "30",
            "ends_on_month": "10",
            "ends_on_year": "2026",
            "reason": "Term dates",
        },
    )
    assert added["Location"] == "/casework/calendar/919/"
    holiday = SchoolHoliday.objects.get()
    url = f"/casework/calendar/919/holidays/{holiday.pk}/delete/"
    assert "Remove Half term?" in client.get(url).content.decode()
    assert client.post(url, {"reason": ""}).status_code == 200  # a reason is needed
    assert SchoolHoliday.objects.exists()
    assert client.post(url, {"reason": "Entered twice"})["Location"] == "/casework/calendar/919/"
    assert not SchoolHoliday.objects.exists()


def test_a_herts_officer_cannot_post_to_essex(client, officer, essex):
    client.force_login(officer)
    response = client.post(
        "/casework/calendar/881/settings/",
        {"compliance_working_days": "20", "action_plan_working_days": "10", "reason": "x"},
    )
    assert response.status_code == 404 and not CaseworkSettings.objects.exists()


# API


def _bearer(user):
    secret = create_token(user=user, name="tests").secret
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_api_working_days(client, officer, christmas):
    response = client.get(
        "/api/v1/las/919/working-days", {"start": "2026-12-18", "days": 15}, **_bearer(officer)
    )
    body = response.json()
    assert body["deadline"] == "2027-01-22" and body["powers_window_ends"] == "2027-03-22"
    assert {"date": "2026-12-28", "why": "Boxing Day (observed)"} in body["skipped"]
    assert body["start"] == "2026-12-18" and body["days"] == 15


def test_api_working_days_rejects_a_period_out_of_range(client, officer, herts):
    response = client.get(
        "/api/v1/las/919/working-days", {"start": "2026-12-18", "days": 0}, **_bearer(officer)
    )
    assert response.status_code == 422


def test_api_school_holidays_read_and_add(client, officer, christmas):
    headers = _bearer(officer)
    listed = client.get("/api/v1/las/919/school-holidays", **headers).json()
    assert listed == [
        {
            "id": christmas.pk,
            "name": "Christmas holiday 2026",
            "starts_on": "2026-12-21",
            "ends_on": "2027-01-01",
        }
    ]
    payload = {
        "name": "Half term",
        "starts_on": "2026-10-26",
        "ends_on": "2026-10-30",
        "reason": "Term dates",
    }
    created = client.post(
        "/api/v1/las/919/school-holidays", payload, content_type="application/json", **headers
    )
    assert created.status_code == 201 and created.json()["name"] == "Half term"
    assert AuditEvent.objects.filter(action="casework.school_holiday_added", via="api").exists()
    clash = client.post(
        "/api/v1/las/919/school-holidays",
        {**payload, "name": "Again"},
        content_type="application/json",
        **headers,
    )
    assert clash.status_code == 409 and "overlaps Half term" in clash.json()["error"]["message"]
    backwards = client.post(
        "/api/v1/las/919/school-holidays",
        {**payload, "starts_on": "2027-02-20", "ends_on": "2027-02-16"},
        content_type="application/json",
        **headers,
    )
    assert backwards.status_code == 422 and "cannot end" in backwards.json()["error"]["message"]


def test_api_scope(client, officer, make_user, essex, herts):
    assert client.get("/api/v1/las/881/school-holidays", **_bearer(officer)).status_code == 404
    adviser = make_user("adviser", Role.ADVISER, la=herts)
    assert client.get("/api/v1/las/919/school-holidays", **_bearer(adviser)).status_code == 403
    response = client.post(
        "/api/v1/las/919/school-holidays",
        {"name": "X", "starts_on": "2026-10-26", "ends_on": "2026-10-30", "reason": "x"},
        content_type="application/json",
        **_bearer(adviser),
    )
    assert response.status_code == 403 and not SchoolHoliday.objects.exists()
    assert get_user_model().objects.count() == 2
