from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "uplift.partnerships"
    label = "partnerships"

    def ready(self):
        from uplift.accounts.access import register_record_scope, register_school_scope
        from uplift.accounts.models import Role
        from uplift.partnerships.access import (
            board_member_scope,
            seated_case_scope,
            seated_support_scope,
        )

        # Runs after the register's (INSTALLED_APPS order) and builds on it: a board member
        # who has never held a seat keeps the reach of their profile's group.
        register_school_scope(Role.BOARD_MEMBER, board_member_scope)
        # What the LA's operating model lets partnerships see: support, and cases.
        register_record_scope("support", seated_support_scope)
        register_record_scope("cases", seated_case_scope)
