"""The rules placing a commission keeps where the LA's operating model gives a partnership
the commissioning. Each is a small registered unit whose docstring is the message a user
reads (uplift.core.rules); they read plain facts gathered by commissions/partnership.py."""

from uplift.core.rules import Registry, Rule
from uplift.partnerships.models import Outcome

RULES = Registry("commission", actions=("place",))
register = RULES.register
all_rules = RULES.all
check = RULES.check


@register
class CommissionerDecides(Rule):
    """{partnership} commissions support for {school}, as {la}'s operating model says: name
    the motion its board carried that decided this commission."""

    code = "commissioner_decides"
    actions = ("place",)

    @classmethod
    def broken(cls, *, commissioner, its_schools, motion, la, **facts):
        if commissioner is None or not its_schools:
            return None
        carried_by_it = (
            motion is not None
            and motion.meeting.partnership_id == commissioner.pk
            and motion.outcome == Outcome.CARRIED
        )
        if carried_by_it:
            return None
        return {"partnership": commissioner.name, "school": its_schools[0].name, "la": la.name}
