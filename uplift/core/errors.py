"""The one refusal hierarchy: every service refuses a change by raising one of these.

str(refusal) is the message a person reads. Its kind says what went wrong, and each channel
answers the same kind the same way (uplift.core.web for pages, uplift.api.errors for the API):

- INVALID: what was asked for cannot be accepted as given (a missing date, an unknown
  power, a name too long). The API answers 422; a page shows it on the form.
- CONFLICT: the state of things forbids it now (a rule of the workflow, a duplicate, a page
  that is out of date). The API answers 409; a page shows it on the form.
- FORBIDDEN: the user may not do this. The API answers 403; a page answers 403.
"""

from enum import StrEnum


class Kind(StrEnum):
    INVALID = "invalid"
    CONFLICT = "conflict"
    FORBIDDEN = "forbidden"


class Refused(Exception):
    """A change a service will not make. `code` names the reason for scripts."""

    kind = Kind.INVALID
    code = "refused"

    def __init__(self, message: str = "", *, code: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self)


class NotAllowed(Refused):
    """The user's role does not allow this change."""

    kind = Kind.FORBIDDEN
    code = "forbidden"


class Conflict(Refused):
    """The change conflicts with the state of things: a duplicate, nothing to change, a
    step the workflow does not allow now."""

    kind = Kind.CONFLICT
    code = "conflict"


class StaleVersion(Conflict):
    """Someone saved a change since the page was opened; nothing was written."""

    code = "stale_version"

    def __init__(self, message: str = ""):
        super().__init__(
            message
            or "Someone else changed this since you opened the page. Nothing was saved: "
            "reload the page to see their change, then make yours again."
        )


class RuleRefused(Conflict):
    """A registered rule refuses the change: `rule` (and `code`) is the rule's code."""

    def __init__(self, rule: str, message: str):
        super().__init__(message, code=rule)
        self.rule = rule
