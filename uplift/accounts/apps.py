from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "uplift.accounts"
    label = "accounts"

    def ready(self):
        from uplift.accounts import lockout, signals

        signals.connect()

        lockout.install()  # sign-in lockout per account and per address
