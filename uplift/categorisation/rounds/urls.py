from django.urls import path

from uplift.categorisation.rounds import views

# Included in uplift.categorisation.urls (namespace "categorisation").
urlpatterns = [
    path("rounds/", views.round_list, name="rounds"),
    path("rounds/<int:pk>/", views.round_detail, name="round"),
    path("rounds/<int:pk>/schools/<int:urn>/", views.school_review, name="review"),
    path("rounds/<int:pk>/accept/", views.accept_proposals, name="accept_proposals"),
    path("rounds/<int:pk>/board/", views.round_moderate, name="moderate"),
    path("rounds/<int:pk>/publish/", views.round_publish, name="publish"),
    path("schools/<int:urn>/category/", views.school_recategorise, name="recategorise"),
    path("my-school/", views.my_school, name="my_school"),
]
