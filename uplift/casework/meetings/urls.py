from django.urls import path

from uplift.casework.meetings import views

# Included in uplift.casework.urls (namespace "casework").
urlpatterns = [
    path("schools/<int:urn>/meetings/", views.school_meetings, name="school_meetings"),
    path("schools/<int:urn>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/actions/new/", views.action_new, name="meeting_action_new"),
    path("meeting-actions/<int:pk>/done/", views.action_done, name="meeting_action_done"),
]
