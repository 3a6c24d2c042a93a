"""/governors/...: governor services."""

from django.urls import path

from uplift.governors import views

app_name = "governors"
urlpatterns = [
    path("", views.body_list, name="list"),
    path("<int:urn>/", views.body_detail, name="detail"),
    path("<int:urn>/edit/", views.body_edit, name="edit"),
    path("<int:urn>/governors/new/", views.governor_new, name="governor_new"),
    path("<int:urn>/training/new/", views.training_new, name="training_new"),
    path("<int:urn>/reviews/new/", views.review_new, name="review_new"),
    path("governors/<int:pk>/leave/", views.governor_leave, name="leave"),
]
