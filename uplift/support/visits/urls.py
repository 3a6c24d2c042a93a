"""/support/...: a school's visits and entitlement, visits and their notes, note templates."""

from django.urls import path

from uplift.support.visits import views

urlpatterns = [
    path("schools/<int:urn>/visits/", views.school_visits, name="school_visits"),
    path("visits/new/", views.visit_new, name="visit_new"),
    path("visits/<int:pk>/", views.visit_detail, name="visit_detail"),
    path("visits/<int:pk>/note/", views.visit_note, name="visit_note"),
    path("visits/<int:pk>/share/", views.visit_share, name="visit_share"),
    path("visits/<int:pk>/comment/", views.visit_comment, name="visit_comment"),
    path("visits/<int:pk>/finalise/", views.visit_finalise, name="visit_finalise"),
    path("visits/<int:pk>/cancel/", views.visit_cancel, name="visit_cancel"),
    path("visits/<int:pk>/pdf/", views.visit_pdf, name="visit_pdf"),
    path("note-templates/", views.note_templates, name="note_templates"),
    path("note-templates/<int:pk>/edit/", views.note_template_edit, name="note_template_edit"),
]
