from django.urls import path, re_path
from django.views.generic import RedirectView

from uplift.api import views
from uplift.api.api import api

urlpatterns = [
    path("v1/", api.urls),
    path("docs", views.docs, name="api-docs"),
    path("docs/", RedirectView.as_view(pattern_name="api-docs")),
    re_path(r"^v1/(?P<path>.*)$", views.unknown_path),
]
