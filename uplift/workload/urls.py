"""/my-work/ and /schools/<urn>/timeline/."""

from django.urls import path

from uplift.workload import views

app_name = "workload"
urlpatterns = [
    path("my-work/", views.my_work_page, name="my_work"),
    path("schools/<int:urn>/timeline/", views.school_timeline_page, name="school_timeline"),
]
