from django.urls import path

from uplift.directory import views

app_name = "schools"
urlpatterns = [
    path("", views.school_list, name="list"),
    path("schools.csv", views.school_list_csv, name="csv"),
    path("<int:urn>/", views.school_detail, name="detail"),
]

# Mounted at /la/ under the "la" namespace by uplift/urls.py.
la_urlpatterns = [
    path("", views.la_index, name="index"),
    path("<str:code>/", views.la_detail, name="detail"),
]
