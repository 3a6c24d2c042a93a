"""/funds/...: the LA's funds and their ledgers (finance officers)."""

from django.urls import path

from uplift.funds import views

app_name = "funds"
urlpatterns = [
    path("", views.fund_list, name="list"),
    path("new/", views.fund_new, name="new"),
    path("<int:pk>/", views.fund_detail, name="detail"),
    path("<int:pk>/edit/", views.fund_edit, name="edit"),
    path("<int:pk>/commit/", views.fund_commit, name="commit"),
    path("<int:pk>/contribute/", views.fund_contribute, name="contribute"),
]
