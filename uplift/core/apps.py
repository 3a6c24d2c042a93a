from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "uplift.core"
    label = "core"
