"""/casework/calendar/...: the LA's settings, school holidays and working-day calculator."""

from django.urls import path

from uplift.casework.calendar import views

urlpatterns = [
    path("calendar/", views.calendar_index, name="calendar"),
    path("calendar/<str:la_code>/", views.calendar_la, name="calendar_la"),
    path(
        "calendar/<str:la_code>/settings/",
        views.calendar_settings,
        name="calendar_settings",
    ),
    path(
        "calendar/<str:la_code>/holidays/new/",
        views.calendar_holiday_new,
        name="calendar_holiday_new",
    ),
    path(
        "calendar/<str:la_code>/holidays/<int:pk>/delete/",
        views.calendar_holiday_delete,
        name="calendar_holiday_delete",
    ),
]
