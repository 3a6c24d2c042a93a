"""/casework/cases/...: concern cases and their steps (namespace "casework")."""

from django.urls import path

from uplift.casework.cases import views
from uplift.casework.notices import views as notices_views
from uplift.casework.powers import views as powers_views

urlpatterns = [
    path("cases/", views.case_list, name="case_list"),
    path("cases/new/", views.case_open, name="case_open"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/move/", views.case_move, name="case_move"),
    path(
        "cases/<int:pk>/warning-notices/new/", notices_views.case_notice_new, name="case_notice_new"
    ),
    path(
        "cases/<int:pk>/notice-of-intention/", notices_views.case_intention, name="case_intention"
    ),
    path("cases/<int:pk>/powers/new/", powers_views.case_power_new, name="case_power_new"),
    path(
        "cases/<int:pk>/structural/new/",
        powers_views.case_structural_new,
        name="case_structural_new",
    ),
    path("cases/<int:pk>/close/", views.case_close, name="case_close"),
    path(
        "warning-notices/<int:pk>/dfe-copy/", notices_views.notice_dfe_copy, name="notice_dfe_copy"
    ),
    path(
        "warning-notices/<int:pk>/compliance/",
        notices_views.notice_compliance,
        name="notice_compliance",
    ),
    path(
        "powers/<int:pk>/dfe-notification/", powers_views.power_dfe_notification, name="power_dfe"
    ),
]
