from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "uplift.casework"
    label = "casework"
    verbose_name = "Schools causing concern"
