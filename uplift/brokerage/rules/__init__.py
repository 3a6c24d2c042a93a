"""The rules of school-to-school support, each a small class whose docstring is the message a
person reads: which schools may give support (eligibility.py), which leaders a request may
not be given to (conflicts.py), and the steps of deployments, credits and good practice."""

from uplift.core.rules import Registry, Rule

ELIGIBILITY = "give_support"  # may the school give support now?
CONFLICT = "broker"  # may this leader support this school?
AGREE = "agree"
LOG_SESSION = "log_session"
COMMENT = "comment"
REVIEW = "review"
SPEND = "spend"
BOOK = "book_session"
PRACTICE = "add_practice"

ACTIONS = (ELIGIBILITY, CONFLICT, AGREE, LOG_SESSION, COMMENT, REVIEW, SPEND, BOOK, PRACTICE)

registry = Registry(
    "brokerage",
    modules=(
        "uplift.brokerage.rules.eligibility",
        "uplift.brokerage.rules.conflicts",
        "uplift.brokerage.rules.steps",
    ),
    actions=ACTIONS,
)
register = registry.register

__all__ = ["Rule", "register", "registry", *ACTIONS]
