"""`uplift group-end-member --group ID --urn URN --left DATE --reason TEXT --user NAME`:
ends the school's open membership of the group."""

from django.core.management.base import CommandError

from uplift.audit.models import Via
from uplift.schools.management.commands._membership_cli import REFUSED, MembershipCommand
from uplift.schools.services import end_membership


class Command(MembershipCommand):
    help = "Record a school leaving a group (audited, with the reason)."
    date_option = "left"

    def change(self, *, user, group, school, opts) -> str:
        membership = (
            group.memberships.filter(establishment=school, left_on__isnull=True)
            .order_by("-joined_on")
            .first()
        )
        if membership is None:
            raise CommandError(
                f"refused: {school} has no open membership of {group}", returncode=REFUSED
            )
        end_membership(
            actor=user,
            via=Via.CLI,
            membership=membership,
            left_on=opts["left"],
            reason=opts["reason"],
        )
        return f"{school} left {group} on {opts['left']:%Y-%m-%d}."
