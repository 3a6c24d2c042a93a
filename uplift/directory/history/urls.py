from django.urls import path

from uplift.directory.history import views

app_name = "audit"
urlpatterns = [
    path("", views.recent_changes, name="recent"),
    path("<str:label>/<str:pk>/", views.object_history, name="object"),
]
