from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "uplift.support"
    label = "support"
    verbose_name = "Support and challenge"
