from django.apps import AppConfig


class FundsConfig(AppConfig):
    name = "uplift.funds"
    label = "funds"
    verbose_name = "Funds and ledger"
