from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "uplift.demo"
    verbose_name = "Demo"
