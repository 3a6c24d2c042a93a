from django.urls import path

from uplift.earlywarning import views

app_name = "earlywarning"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.flags, name="flags"),
    path("<str:code>/flags/<int:pk>/", views.review, name="review"),
    path("<str:code>/inspections-next-term/", views.forecast, name="forecast"),
    path("<str:code>/inspections-next-term.csv", views.forecast_csv, name="forecast_csv"),
]
