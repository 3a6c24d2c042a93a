from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "uplift.people"
    label = "people"
