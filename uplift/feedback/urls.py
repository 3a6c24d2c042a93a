"""/feedback/...: roll-ups for officers, a head's surveys, answering by the emailed link."""

from django.urls import path

from uplift.feedback import views

app_name = "feedback"
urlpatterns = [
    path("", views.index, name="index"),
    path("rollup.csv", views.rollup_csv, name="rollup_csv"),
    path("surveys/<int:pk>/", views.survey_detail, name="survey"),
    path("answer/<str:token>/", views.answer_by_link, name="answer_by_link"),
]
