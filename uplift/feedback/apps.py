from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "uplift.feedback"
    label = "feedback"
    verbose_name = "Feedback surveys"
