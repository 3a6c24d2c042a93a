from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "uplift.profiles"
    label = "profiles"
    verbose_name = "School performance profiles"
