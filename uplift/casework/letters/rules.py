"""The rules letters and monitoring boards follow, each a small registered unit (the shared
mechanism: uplift.core.rules).

A rule is a RuleRefused (a Refused) registered under its code. Its docstring is the
message a user reads when it blocks a change, with {placeholders} filled from the values it
was raised with; `check(...)` raises it when the rule is broken.
"""

from datetime import date

from uplift.casework.letters import placeholders as letters
from uplift.core.dates import long_date
from uplift.core.errors import RuleRefused
from uplift.core.rules import Registry, Rule

# meetings_rules registers its rules here too.
RULES = Registry(
    "letters and meetings",
    modules=("uplift.casework.letters.rules", "uplift.casework.meetings.rules"),
)
register = RULES.register


class Refusal(Rule, RuleRefused):
    """A rule that is its own refusal: raise it with the values of its message."""

    def __init__(self, **values):
        self.values = values
        super().__init__(self.code, self.message(**values))

    @classmethod
    def refused(cls, **values) -> "Refusal":
        return cls(**values)


# Letter templates


@register
class UnknownPlaceholder(Refusal):
    """The template uses ${name}, which is not a placeholder Uplift knows. Use only the
    placeholders listed beside the form (write $$ for a dollar sign)."""

    code = "letters.unknown_placeholder"

    @classmethod
    def check(cls, *texts: str) -> None:
        for text in texts:
            unknown = letters.unknown_placeholders(text)
            if unknown:
                raise cls(name=unknown[0])


@register
class StrayDollar(Refusal):
    """The template has a $ sign that starts no placeholder ({text}). Write $$ for a dollar
    sign, or a placeholder such as $school_name."""

    code = "letters.stray_dollar"

    @classmethod
    def check(cls, *texts: str) -> None:
        for text in texts:
            stray = letters.stray_dollar(text)
            if stray is not None:
                raise cls(text=stray)


@register
class StaleTemplate(Refusal):
    """Someone saved this template since you opened it (it is now version {version}). Check
    its current text and make your change again."""

    code = "letters.stale_template"

    @classmethod
    def check(cls, template, version: int) -> None:
        if template.version != version:
            raise cls(version=template.version)


# Letters


@register
class TemplateOfAnotherLA(Refusal):
    """The template "{template}" belongs to {template_la}, not to {school_la}, the school's
    local authority. Choose one of {school_la}'s templates."""

    code = "letters.template_of_another_la"

    @classmethod
    def check(cls, template, case) -> None:
        school_la = case.establishment.la
        if template.la_id != case.establishment.la_id:
            raise cls(
                template=template.name,
                template_la=template.la.name,
                school_la=school_la.name if school_la else "no LA",
            )


@register
class CaseClosed(Refusal):
    """The case was closed on {closed_on}: letters are generated for open cases only."""

    code = "letters.case_closed"

    @classmethod
    def check(cls, case) -> None:
        if not case.is_open:
            raise cls(closed_on=long_date(case.closed_on, missing="an earlier date"))


@register
class SentOnce(Refusal):
    """This letter's sending was already recorded ({method}, {sent_on}): a letter is sent
    once. Generate a new letter to send it again."""

    code = "letters.sent_once"

    @classmethod
    def check(cls, letter) -> None:
        if letter.is_sent:
            raise cls(
                method=letter.get_sent_method_display().lower(),
                sent_on=long_date(letter.sent_on),
            )


@register
class SentBeforeGenerated(Refusal):
    """The letter cannot have been sent on {sent_on}: it was generated on {generated_on}."""

    code = "letters.sent_before_generated"

    @classmethod
    def check(cls, sent_on: date, generated_on: date) -> None:
        if sent_on < generated_on:
            raise cls(sent_on=long_date(sent_on), generated_on=long_date(generated_on))


@register
class NotInFuture(Refusal):
    """The {what} ({day}) cannot be after today: record it once it has happened."""

    code = "casework.date_in_future"

    @classmethod
    def check(cls, day: date, today: date, what: str) -> None:
        if day > today:
            raise cls(what=what, day=long_date(day))


@register
class NoRecipient(Refusal):
    """There is no one to email the letter to: the school's headteacher and chair have no
    email address in Uplift. Type the addresses to send it to."""

    code = "letters.no_recipient"

    @classmethod
    def check(cls, recipients: list[str]) -> None:
        if not recipients:
            raise cls()


@register
class NotAnEmailAddress(Refusal):
    """ "{value}" is not an email address. When the letter is emailed, type only email
    addresses, separated by commas or on separate lines."""

    code = "letters.not_an_email_address"
