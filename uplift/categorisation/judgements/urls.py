from django.urls import path

from uplift.categorisation.judgements import views

# Included in uplift.categorisation.urls (namespace "categorisation").
urlpatterns = [
    path("schools/<int:urn>/judgements/", views.school_judgements, name="judgements"),
    path("schools/<int:urn>/judgements/<slug:criterion>/", views.record, name="judgement"),
    path("judgements/upload/", views.upload, name="judgements_upload"),
    path("rounds/<int:pk>/missing-judgements/", views.round_missing, name="missing_judgements"),
]
