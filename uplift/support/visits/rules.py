"""The rules a visit's workflow keeps: scheduled, note being written, with the headteacher
for comment, commented on, finalised (or cancelled). Each rule is a small registered unit
for one or more steps; its docstring is the message a user reads when it blocks the step,
filled in with what `broken` returns (uplift.core.rules). `check(step, visit=..., ...)` runs
every rule of the step and raises RuleRefused naming the first that blocks.
"""

from uplift.accounts.models import Role
from uplift.core.dates import long_date
from uplift.core.rules import Registry, Rule
from uplift.support.models import VisitStatus

STEPS = ("schedule", "write", "share", "comment", "finalise", "cancel")

RULES = Registry("visit", actions=STEPS)
register = RULES.register
all_rules = RULES.all
rules_for = RULES.rules_for
check = RULES.check


def _status(visit) -> str:
    return VisitStatus(visit.status).label.lower()


@register
class AdviserOfTheSchoolsLA(Rule):
    """{adviser} is not a school improvement adviser of {la}: choose one of the LA's advisers
    to make the visit."""

    code = "adviser_of_the_schools_la"
    actions = ("schedule",)

    @classmethod
    def broken(cls, *, establishment, adviser, **context):

        profile = getattr(adviser, "profile", None)
        if (
            profile is not None
            and profile.role == Role.ADVISER
            and profile.la_id is not None
            and profile.la_id == establishment.la_id
        ):
            return None
        name = adviser.get_full_name() or adviser.get_username()
        la = establishment.la.name if establishment.la_id else "the school's LA"
        return {"adviser": name, "la": la}


@register
class SchoolIsOpen(Rule):
    """{school} is {status}: visits are scheduled only to open schools."""

    code = "school_is_open"
    actions = ("schedule",)

    @classmethod
    def broken(cls, *, establishment, **context):
        status = (establishment.status or "").strip()
        if not status or status.lower().startswith("open"):
            return None
        return {"school": establishment.name, "status": status.lower()}


@register
class NoteWrittenBeforeSharing(Rule):
    """The note can be written or changed only until it is shared with the headteacher: this
    visit is {status}."""

    code = "note_written_before_sharing"
    actions = ("write",)

    @classmethod
    def broken(cls, *, visit, **context):
        if visit.status in (VisitStatus.SCHEDULED, VisitStatus.DRAFTED):
            return None
        return {"status": _status(visit)}


@register
class NoteAfterTheVisit(Rule):
    """The note of a visit is written on or after the day of the visit ({day}), not before."""

    code = "note_after_the_visit"
    actions = ("write",)

    @classmethod
    def broken(cls, *, visit, today, **context):
        if visit.scheduled_for <= today:
            return None
        return {"day": long_date(visit.scheduled_for)}


@register
class SectionsFromTheTemplate(Rule):
    """The note's sections are the template's headings ({headings}): {unknown} is not one of
    them."""

    code = "sections_from_the_template"
    actions = ("write",)

    @classmethod
    def broken(cls, *, headings, sections, **context):
        for section in sections:
            if section["heading"] not in headings:
                return {"headings": "; ".join(headings), "unknown": repr(section["heading"])}
        return None


@register
class EachSectionOnce(Rule):
    """Each section of the note appears once: {heading} is given more than once."""

    code = "each_section_once"
    actions = ("write",)

    @classmethod
    def broken(cls, *, sections, **context):
        seen = set()
        for section in sections:
            if section["heading"] in seen:
                return {"heading": repr(section["heading"])}
            seen.add(section["heading"])
        return None


@register
class SharedOnlyOnceDrafted(Rule):
    """Only a note being written is shared with the headteacher: this visit is {status}."""

    code = "shared_only_once_drafted"
    actions = ("share",)

    @classmethod
    def broken(cls, *, visit, **context):
        if visit.status == VisitStatus.DRAFTED:
            return None
        return {"status": _status(visit)}


@register
class EverySectionWritten(Rule):
    """Write every section of the note before sharing it: {missing} {verb} still empty."""

    code = "every_section_written"
    actions = ("share",)

    @classmethod
    def broken(cls, *, visit, **context):
        missing = [s["heading"] for s in visit.note if not (s.get("text") or "").strip()]
        if not visit.note:
            missing = ["every section"]
        if not missing:
            return None
        return {"missing": ", ".join(missing), "verb": "is" if len(missing) == 1 else "are"}


@register
class CommentOnceShared(Rule):
    """The headteacher comments on the note once the adviser has shared it and before it is
    finalised: this visit is {status}."""

    code = "comment_once_shared"
    actions = ("comment",)

    @classmethod
    def broken(cls, *, visit, **context):
        if visit.status == VisitStatus.AWAITING_COMMENT:
            return None
        return {"status": _status(visit)}


@register
class FinalisedAfterTheHeadsComment(Rule):
    """A note is finalised only after the headteacher has commented on it: this visit is
    {status}."""

    code = "finalised_after_the_heads_comment"
    actions = ("finalise",)

    @classmethod
    def broken(cls, *, visit, **context):
        if visit.status == VisitStatus.COMMENTED:
            return None
        return {"status": _status(visit)}


@register
class NotCancelledOnceFinalised(Rule):
    """A visit whose note is finalised has taken place and counts against the entitlement:
    it cannot be cancelled."""

    code = "not_cancelled_once_finalised"
    actions = ("cancel",)

    @classmethod
    def broken(cls, *, visit, **context):
        return {} if visit.status == VisitStatus.FINALISED else None


@register
class CancelledOnce(Rule):
    """This visit is already cancelled."""

    code = "cancelled_once"
    actions = ("cancel",)

    @classmethod
    def broken(cls, *, visit, **context):
        return {} if visit.status == VisitStatus.CANCELLED else None
