from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "uplift.performance"
    label = "performance"
