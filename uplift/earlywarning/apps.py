from django.apps import AppConfig


class EarlyWarningConfig(AppConfig):
    name = "uplift.earlywarning"
    label = "earlywarning"
    verbose_name = "Early warning"
