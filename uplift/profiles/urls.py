from django.urls import path

from uplift.profiles import views

app_name = "profiles"
ROUND = "<str:la_code>/<str:round_code>/"
urlpatterns = [
    path("batches/<int:pk>/", views.batch_progress, name="batch"),
    path(ROUND, views.round_profiles, name="round"),
    path(f"{ROUND}generate/", views.start_batch, name="start_batch"),
    path(f"{ROUND}downloads/", views.downloads, name="downloads"),
    path(f"{ROUND}<int:urn>/", views.profile_page, name="profile"),
    path(f"{ROUND}<int:urn>/pdf/", views.profile_pdf, name="pdf"),
]
