from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "uplift.reports"
    label = "reports"
    verbose_name = "LA dashboards and reports"
