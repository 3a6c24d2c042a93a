from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "uplift.accounts"
    label = "accounts"
