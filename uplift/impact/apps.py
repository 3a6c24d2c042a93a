from django.apps import AppConfig


class ImpactConfig(AppConfig):
    name = "uplift.impact"
    label = "impact"
    verbose_name = "Impact of support"

    def ready(self):
        # Brokerage sits below impact: it offers a register of ranking signals, and impact
        # adds the track record of schools a leader supported against similar schools.
        from uplift.brokerage.ranking import register_signal
        from uplift.impact.cli import IMPACT_REPORT
        from uplift.impact.track_record import leader_signal
        from uplift.reports.extra import register_report

        register_signal(leader_signal)
        register_report(IMPACT_REPORT)
