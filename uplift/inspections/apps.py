from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "uplift.inspections"
    label = "inspections"
