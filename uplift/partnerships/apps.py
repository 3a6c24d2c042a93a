from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "uplift.partnerships"
    label = "partnerships"

    def ready(self):
        from uplift.accounts.access import register_school_scope
        from uplift.accounts.models import Role
        from uplift.partnerships.access import board_member_scope

        # Runs after the register's (INSTALLED_APPS order) and builds on it: a board member
        # who has never held a seat keeps the reach of their profile's group.
        register_school_scope(Role.BOARD_MEMBER, board_member_scope)
