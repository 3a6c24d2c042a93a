from django.apps import AppConfig


class CommissioningConfig(AppConfig):
    name = "uplift.commissioning"
    label = "commissioning"
    verbose_name = "Commissioning, grants and traded services"
