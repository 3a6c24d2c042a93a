from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "uplift.schools"
    label = "schools"
