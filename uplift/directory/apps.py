from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "uplift.directory"
    verbose_name = "Directory of schools"
