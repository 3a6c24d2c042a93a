"""Permission-matrix rows of the casework calendar pages and API (see test_permission_matrix.py):
its LA's officers and system administrators; anyone else is refused (403); another LA's
calendar is not found (404) for an officer of Hertfordshire."""

from datetime import date

from uplift.casework.models import SchoolHoliday

CALENDAR = "in  ok  ok  403 403 403 403 403 403"
OTHER_LA_CALENDAR = "in  ok  404 403 403 403 403 403 403"
API_CALENDAR = "401 ok  ok  403 403 403 403 403 403"
API_OTHER_LA_CALENDAR = "401 ok  404 403 403 403 403 403 403"
BASE = "casework/calendar/<str:la_code>/"
FLAGS = "api/v1/schools/<int:urn>/flags"


def rows(w) -> list[tuple[str, str, str]]:
    herts_holiday = SchoolHoliday.objects.create(
        la=w.in_scope.la,
        name="Christmas 2026",
        starts_on=date(2026, 12, 21),
        ends_on=date(2027, 1, 1),
    )
    essex_holiday = SchoolHoliday.objects.create(
        la=w.other_la.la,
        name="Christmas 2026",
        starts_on=date(2026, 12, 19),
        ends_on=date(2027, 1, 3),
    )
    delete = f"{BASE}holidays/<int:pk>/delete/"
    return [
        (
            "casework/calendar/",
            "/casework/calendar/",
            "in  ok  >/casework/calendar/919/ 403 403 403 403 403 403",
        ),
        (BASE, "/casework/calendar/919/", CALENDAR),
        (BASE, "/casework/calendar/881/", OTHER_LA_CALENDAR),
        (BASE, "/casework/calendar/999/", "in  404 404 403 403 403 403 403 403"),
        (f"{BASE}settings/", "/casework/calendar/919/settings/", CALENDAR),
        (f"{BASE}settings/", "/casework/calendar/881/settings/", OTHER_LA_CALENDAR),
        (f"{BASE}holidays/new/", "/casework/calendar/919/holidays/new/", CALENDAR),
        (f"{BASE}holidays/new/", "/casework/calendar/881/holidays/new/", OTHER_LA_CALENDAR),
        (delete, f"/casework/calendar/919/holidays/{herts_holiday.pk}/delete/", CALENDAR),
        (
            delete,
            f"/casework/calendar/881/holidays/{essex_holiday.pk}/delete/",
            OTHER_LA_CALENDAR,
        ),
        # Essex's holiday through Hertfordshire's address: not one of that LA's holidays
        (
            delete,
            f"/casework/calendar/919/holidays/{essex_holiday.pk}/delete/",
            "in  404 404 403 403 403 403 403 403",
        ),
        ("api/v1/las/<code>/school-holidays", "/api/v1/las/919/school-holidays", API_CALENDAR),
        (
            "api/v1/las/<code>/school-holidays",
            "/api/v1/las/881/school-holidays",
            API_OTHER_LA_CALENDAR,
        ),
        ("api/v1/las/<code>/working-days", "/api/v1/las/919/working-days", API_CALENDAR),
        ("api/v1/las/<code>/working-days", "/api/v1/las/881/working-days", API_OTHER_LA_CALENDAR),
        # Coasting and RISE flags: public data, for whoever reads the school
        (FLAGS, "/api/v1/schools/117001/flags", "401 ok  ok  ok  ok  ok  ok  ok  ok"),
        (FLAGS, "/api/v1/schools/117002/flags", "401 ok  ok  ok  ok  404 404 404 ok"),
        (FLAGS, "/api/v1/schools/881001/flags", "401 ok  404 404 404 404 404 404 ok"),
    ]
