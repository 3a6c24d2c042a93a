from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "uplift.schools"
    label = "schools"

    def ready(self):
        from uplift.accounts.access import register_school_scope
        from uplift.accounts.models import Role
        from uplift.schools.access import board_member_scope

        register_school_scope(Role.BOARD_MEMBER, board_member_scope)
