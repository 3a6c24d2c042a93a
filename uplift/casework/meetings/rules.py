"""The rules monitoring board meetings and their actions follow (see letters_rules.Refusal:
each rule's docstring is the message a user reads; they are registered with the letters'
rules)."""

from datetime import date

from uplift.casework.letters.rules import Refusal, register
from uplift.core.dates import long_date


@register
class NoMembers(Refusal):
    """Enter at least one member of the monitoring board who attended the meeting."""

    code = "meetings.no_members"

    @classmethod
    def check(cls, members: list[str]) -> None:
        if not members:
            raise cls()


@register
class NoMinutes(Refusal):
    """Enter the minutes of the meeting."""

    code = "meetings.no_minutes"

    @classmethod
    def check(cls, minutes: str) -> None:
        if not (minutes or "").strip():
            raise cls()


@register
class CaseOfAnotherSchool(Refusal):
    """Case {case} is about another school: a meeting is recorded against the case of the
    school it monitors."""

    code = "meetings.case_of_another_school"

    @classmethod
    def check(cls, case, establishment) -> None:
        if case is not None and case.establishment_id != establishment.pk:
            raise cls(case=case.pk)


@register
class OwnerCannotSeeSchool(Refusal):
    """{owner} cannot see {school}: an action's owner must be one of the local authority's
    staff or the school's headteacher or chair of governors."""

    code = "meetings.owner_cannot_see_school"


@register
class ActionIncomplete(Refusal):
    """Each action needs {missing}."""

    code = "meetings.action_incomplete"


@register
class DueBeforeMeeting(Refusal):
    """An action cannot be due on {due_on}, before the meeting that set it ({held_on})."""

    code = "meetings.due_before_meeting"

    @classmethod
    def check(cls, due_on: date, held_on: date) -> None:
        if due_on < held_on:
            raise cls(due_on=long_date(due_on), held_on=long_date(held_on))


@register
class ActionAlreadyDone(Refusal):
    """This action was already marked done on {done_on}."""

    code = "meetings.action_already_done"

    @classmethod
    def check(cls, action) -> None:
        if action.done_on is not None:
            raise cls(done_on=long_date(action.done_on))


@register
class DoneBeforeMeeting(Refusal):
    """An action cannot be done on {done_on}, before the meeting that set it ({held_on})."""

    code = "meetings.done_before_meeting"

    @classmethod
    def check(cls, done_on: date, held_on: date) -> None:
        if done_on < held_on:
            raise cls(done_on=long_date(done_on), held_on=long_date(held_on))
