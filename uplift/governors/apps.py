from django.apps import AppConfig


class GovernorsConfig(AppConfig):
    name = "uplift.governors"
    label = "governors"
