from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "uplift.api"
    label = "api"
