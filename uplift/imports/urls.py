from django.urls import path

from uplift.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.import_list, name="list"),
    path("upload/", views.upload, name="upload"),
    path("<int:pk>/", views.import_detail, name="detail"),
]
