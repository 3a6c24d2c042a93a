"""/brokerage/...: school-to-school support."""

from django.urls import path

from uplift.brokerage.views import deployments, ledger, register, requests

app_name = "brokerage"
urlpatterns = [
    path("", register.home, name="home"),
    path("register/", register.register_page, name="register"),
    path("organisations/new/", register.organisation_new, name="organisation_new"),
    path("organisations/<int:pk>/", register.organisation_detail, name="organisation"),
    path("organisations/<int:pk>/leaders/new/", register.leader_new, name="leader_new"),
    path("requests/", requests.request_list, name="requests"),
    path("requests/new/", requests.request_new, name="request_new"),
    path("requests/<int:pk>/", requests.request_detail, name="request"),
    path("deployments/", deployments.deployment_list, name="deployments"),
    path("deployments/<int:pk>/", deployments.deployment_detail, name="deployment"),
    path(
        "deployments/<int:pk>/sessions/<int:session_pk>/comment/",
        deployments.session_comment,
        name="session_comment",
    ),
    path("credits/<int:urn>/", ledger.credit_statement, name="credits"),
    path("schools/<int:urn>/sessions/", ledger.shaped_sessions, name="shaped_sessions"),
    path("good-practice/", ledger.good_practice, name="good_practice"),
    path("good-practice/new/", ledger.good_practice_new, name="good_practice_new"),
]
