from django.urls import path

from uplift.categorisation import views

app_name = "categorisation"
VERSION = "policies/<int:pk>/versions/<int:number>/"
urlpatterns = [
    path("policies/", views.policy_list, name="policies"),
    path("policies/new/", views.policy_create, name="policy_create"),
    path("policies/<int:pk>/", views.policy_detail, name="policy"),
    path("policies/<int:pk>/compare/", views.version_diff, name="diff"),
    path(VERSION, views.version_detail, name="version"),
    path(f"{VERSION}edit/", views.version_edit, name="version_edit"),
    path(f"{VERSION}copy/", views.version_copy, name="version_copy"),
    path(f"{VERSION}activate/", views.version_activate, name="version_activate"),
    path(f"{VERSION}what-if/", views.version_what_if, name="what_if"),
]

from uplift.categorisation.rounds.urls import urlpatterns as round_urlpatterns  # noqa: E402

urlpatterns += round_urlpatterns

from uplift.categorisation.judgements.urls import urlpatterns as judgement_urlpatterns  # noqa: E402

urlpatterns += judgement_urlpatterns
