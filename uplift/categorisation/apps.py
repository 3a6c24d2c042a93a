from django.apps import AppConfig


class CategorisationConfig(AppConfig):
    name = "uplift.categorisation"
    label = "categorisation"
    verbose_name = "Categorisation"
