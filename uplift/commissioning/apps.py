from django.apps import AppConfig


class CommissioningConfig(AppConfig):
    name = "uplift.commissioning"
    label = "commissioning"
    verbose_name = "Commissioning, grants and traded services"

    def ready(self):
        from uplift.commissioning.spend.links import pay_link
        from uplift.core.payment_links import register

        register(pay_link)
