"""`uplift group-add-member --group ID --urn URN --joined DATE --reason TEXT --user NAME`."""

from uplift.audit.models import Via
from uplift.schools.management.commands._membership_cli import MembershipCommand
from uplift.schools.services import add_member


class Command(MembershipCommand):
    help = "Record a school joining a group (audited, with the reason)."
    date_option = "joined"

    def change(self, *, user, group, school, opts) -> str:
        add_member(
            actor=user,
            via=Via.CLI,
            group=group,
            establishment=school,
            joined_on=opts["joined"],
            reason=opts["reason"],
        )
        return f"{school} joined {group} on {opts['joined']:%Y-%m-%d}."
