from django.apps import AppConfig


class WorkloadConfig(AppConfig):
    name = "uplift.workload"
    label = "workload"
    verbose_name = "My work, reminders and timelines"
