"""The rules a visit's workflow keeps: scheduled, note being written, with the headteacher
for comment, commented on, finalised (or cancelled). Each rule is a small registered unit
for one or more steps; its docstring is the message a user reads when it blocks the step,
filled in with what `blocks` returns. `check(step, visit=..., ...)` runs every rule of the
step and raises VisitRefused naming the first that blocks.
"""

from uplift.schools.services import ChangeRefused
from uplift.support.models import VisitStatus

STEPS = ("schedule", "write", "share", "comment", "finalise", "cancel")


class VisitRefused(ChangeRefused):
    """A step of a visit's workflow that a rule blocks; `rule` is the rule's code."""

    def __init__(self, message: str, rule: str = ""):
        super().__init__(message)
        self.rule = rule


class VisitRule:
    code: str = ""
    steps: tuple[str, ...] = ()

    @classmethod
    def blocks(cls, **context) -> dict | None:
        """None when the step may go ahead, else the values the message is filled with."""
        raise NotImplementedError

    @classmethod
    def message(cls, **values) -> str:
        return " ".join((cls.__doc__ or "").split()).format(**values)


_RULES: dict[str, type[VisitRule]] = {}


def register(rule: type[VisitRule]) -> type[VisitRule]:
    if rule.code in _RULES and _RULES[rule.code] is not rule:
        raise ValueError(f"two visit rules are called {rule.code}")
    unknown = set(rule.steps) - set(STEPS)
    if unknown:
        raise ValueError(f"{rule.code}: unknown steps {sorted(unknown)}")
    _RULES[rule.code] = rule
    return rule


def rules_for(step: str) -> list[type[VisitRule]]:
    return [rule for rule in _RULES.values() if step in rule.steps]


def all_rules() -> list[type[VisitRule]]:
    return list(_RULES.values())


def check(step: str, **context) -> None:
    """Raise VisitRefused with the message of the first rule of `step` that blocks it."""
    for rule in rules_for(step):
        values = rule.blocks(**context)
        if values is not None:
            raise VisitRefused(rule.message(**values), rule=rule.code)


def _status(visit) -> str:
    return VisitStatus(visit.status).label.lower()


@register
class AdviserOfTheSchoolsLA(VisitRule):
    """{adviser} is not a school improvement adviser of {la}: choose one of the LA's advisers
    to make the visit."""

    code = "adviser_of_the_schools_la"
    steps = ("schedule",)

    @classmethod
    def blocks(cls, *, establishment, adviser, **context):
        from uplift.accounts.models import Role

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
class SchoolIsOpen(VisitRule):
    """{school} is {status}: visits are scheduled only to open schools."""

    code = "school_is_open"
    steps = ("schedule",)

    @classmethod
    def blocks(cls, *, establishment, **context):
        status = (establishment.status or "").strip()
        if not status or status.lower().startswith("open"):
            return None
        return {"school": establishment.name, "status": status.lower()}


@register
class NoteWrittenBeforeSharing(VisitRule):
    """The note can be written or changed only until it is shared with the headteacher: this
    visit is {status}."""

    code = "note_written_before_sharing"
    steps = ("write",)

    @classmethod
    def blocks(cls, *, visit, **context):
        if visit.status in (VisitStatus.SCHEDULED, VisitStatus.DRAFTED):
            return None
        return {"status": _status(visit)}


@register
class NoteAfterTheVisit(VisitRule):
    """The note of a visit is written on or after the day of the visit ({day}), not before."""

    code = "note_after_the_visit"
    steps = ("write",)

    @classmethod
    def blocks(cls, *, visit, today, **context):
        if visit.scheduled_for <= today:
            return None
        day = visit.scheduled_for
        return {"day": f"{day.day} {day:%B %Y}"}


@register
class SectionsFromTheTemplate(VisitRule):
    """The note's sections are the template's headings ({headings}): {unknown} is not one of
    them."""

    code = "sections_from_the_template"
    steps = ("write",)

    @classmethod
    def blocks(cls, *, headings, sections, **context):
        for section in sections:
            if section["heading"] not in headings:
                return {"headings": "; ".join(headings), "unknown": repr(section["heading"])}
        return None


@register
class EachSectionOnce(VisitRule):
    """Each section of the note appears once: {heading} is given more than once."""

    code = "each_section_once"
    steps = ("write",)

    @classmethod
    def blocks(cls, *, sections, **context):
        seen = set()
        for section in sections:
            if section["heading"] in seen:
                return {"heading": repr(section["heading"])}
            seen.add(section["heading"])
        return None


@register
class SharedOnlyOnceDrafted(VisitRule):
    """Only a note being written is shared with the headteacher: this visit is {status}."""

    code = "shared_only_once_drafted"
    steps = ("share",)

    @classmethod
    def blocks(cls, *, visit, **context):
        if visit.status == VisitStatus.DRAFTED:
            return None
        return {"status": _status(visit)}


@register
class EverySectionWritten(VisitRule):
    """Write every section of the note before sharing it: {missing} {verb} still empty."""

    code = "every_section_written"
    steps = ("share",)

    @classmethod
    def blocks(cls, *, visit, **context):
        missing = [s["heading"] for s in visit.note if not (s.get("text") or "").strip()]
        if not visit.note:
            missing = ["every section"]
        if not missing:
            return None
        return {"missing": ", ".join(missing), "verb": "is" if len(missing) == 1 else "are"}


@register
class CommentOnceShared(VisitRule):
    """The headteacher comments on the note once the adviser has shared it and before it is
    finalised: this visit is {status}."""

    code = "comment_once_shared"
    steps = ("comment",)

    @classmethod
    def blocks(cls, *, visit, **context):
        if visit.status == VisitStatus.AWAITING_COMMENT:
            return None
        return {"status": _status(visit)}


@register
class FinalisedAfterTheHeadsComment(VisitRule):
    """A note is finalised only after the headteacher has commented on it: this visit is
    {status}."""

    code = "finalised_after_the_heads_comment"
    steps = ("finalise",)

    @classmethod
    def blocks(cls, *, visit, **context):
        if visit.status == VisitStatus.COMMENTED:
            return None
        return {"status": _status(visit)}


@register
class NotCancelledOnceFinalised(VisitRule):
    """A visit whose note is finalised has taken place and counts against the entitlement:
    it cannot be cancelled."""

    code = "not_cancelled_once_finalised"
    steps = ("cancel",)

    @classmethod
    def blocks(cls, *, visit, **context):
        return {} if visit.status == VisitStatus.FINALISED else None


@register
class CancelledOnce(VisitRule):
    """This visit is already cancelled."""

    code = "cancelled_once"
    steps = ("cancel",)

    @classmethod
    def blocks(cls, *, visit, **context):
        return {} if visit.status == VisitStatus.CANCELLED else None
