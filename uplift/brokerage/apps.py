from django.apps import AppConfig


class BrokerageConfig(AppConfig):
    name = "uplift.brokerage"
    label = "brokerage"
    verbose_name = "School-to-school support"
