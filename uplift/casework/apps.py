from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "uplift.casework"
    label = "casework"
    verbose_name = "Schools causing concern"

    def ready(self):
        from uplift.casework import receivers
        from uplift.categorisation.signals import round_published, school_recategorised
        from uplift.inspections.signals import inspections_imported

        inspections_imported.connect(receivers.on_inspections_imported, dispatch_uid="casework")
        round_published.connect(receivers.on_round_published, dispatch_uid="casework")
        school_recategorised.connect(receivers.on_school_recategorised, dispatch_uid="casework")
