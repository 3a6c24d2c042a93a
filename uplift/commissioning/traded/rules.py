"""The rules a traded-services report flags, each a small registered unit whose docstring is
the message an officer reads. They read plain facts (no database)."""

from uplift.core.rules import Registry, Rule

RULES = Registry("traded service", actions=("flag",))
register = RULES.register
all_rules = RULES.all
get = RULES.get


def _bought(subscription) -> str:
    if subscription is None:
        return "has no subscription"
    if subscription.status != "bought" or subscription.package is None:
        return f"has {subscription.get_status_display().lower()} the service"
    return f"has bought {subscription.package.name}"


@register
class ExpectedPackage(Rule):
    """Category {categories} schools are expected to buy {expected}: {school} is in category
    {category} and {has}."""

    code = "expected_package"
    actions = ("flag",)

    @classmethod
    def broken(cls, *, school, category, expectations, subscription, **facts):
        for expectation in expectations:
            if category not in expectation.categories:
                continue
            package = subscription.package if subscription else None
            bought = subscription is not None and subscription.status == "bought"
            if bought and package is not None and package.level >= expectation.package.level:
                continue
            return {
                "categories": " and ".join(expectation.categories),
                "expected": expectation.package.name,
                "school": school.name,
                "category": category,
                "has": _bought(subscription),
            }
        return None


@register
class UsageWithinEntitlement(Rule):
    """{school} has used {used} {what} but its {package} package includes {allowed}."""

    code = "usage_within_entitlement"
    actions = ("flag",)

    @classmethod
    def broken(cls, *, school, subscription, used=None, **facts):
        if subscription is None or subscription.package is None or not used:
            return None
        package = subscription.package
        for what, allowed in (
            ("adviser sessions", package.adviser_sessions),
            ("training places", package.training_places),
        ):
            if used.get(what, 0) > allowed:
                return {
                    "school": school.name,
                    "used": used[what],
                    "what": what,
                    "package": package.name,
                    "allowed": allowed,
                }
        return None
