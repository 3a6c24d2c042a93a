"""/impact/...: the impact of each piece of support, and track records."""

from django.urls import path

from uplift.impact import views

app_name = "impact"
urlpatterns = [
    path("track-records/", views.track_records, name="track_records"),
    path("track-records/<slug:who>/<int:pk>/", views.track_record, name="track_record"),
    path("<slug:kind>/<int:pk>/", views.piece_page, name="piece"),
]
