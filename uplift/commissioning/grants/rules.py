"""The rules a grant claim must keep, each a small registered unit whose docstring is the
message the school or the officer reads. They read plain facts (no database)."""

from uplift.core.rules import Registry, Rule
from uplift.funds.money import pounds

RULES = Registry("grant claim", actions=("claim", "approve"))
register = RULES.register
all_rules = RULES.all
get = RULES.get
check = RULES.check


@register
class ClaimOnAward(Rule):
    """Only an awarded grant can be claimed: {school}'s application to {scheme} is
    {status}."""

    code = "claim_on_award"
    actions = ("claim", "approve")
    order = 10

    @classmethod
    def broken(cls, *, application, **facts):
        if application.status == "awarded":
            return None
        return {
            "school": application.establishment.name,
            "scheme": application.scheme.name,
            "status": application.get_status_display().lower(),
        }


@register
class ClaimWithinAward(Rule):
    """{school} was awarded {awarded} and {claimed} of it is already claimed, so at most
    {left} can be claimed, not {amount}."""

    code = "claim_within_award"
    actions = ("claim", "approve")
    order = 20

    @classmethod
    def broken(cls, *, application, claimed_pence: int, amount_pence: int, **facts):
        awarded = application.awarded_pence or 0
        if claimed_pence + amount_pence <= awarded:
            return None
        return {
            "school": application.establishment.name,
            "awarded": pounds(awarded),
            "claimed": pounds(claimed_pence),
            "left": pounds(max(awarded - claimed_pence, 0)),
            "amount": pounds(amount_pence),
        }
