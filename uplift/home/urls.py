from django.urls import path

from uplift.home import views

app_name = "home"
urlpatterns = [
    path("visits-and-plans/", views.support, name="support"),
    path("our-school/visits/", views.our_visits, name="our_visits"),
    path("our-school/plans/", views.our_plans, name="our_plans"),
]
