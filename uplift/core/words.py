"""Plain words for what a person reads: people by their names, codes as sentences, and
"Not recorded" where a value is missing. Pages, PDFs, letters and emails use these instead
of login names, snake_case codes and None."""

import re

NOT_RECORDED = "Not recorded"
_CODE = re.compile(r"^[a-z0-9]+(?:[._][a-z0-9]+)+$")


def person_name(user, *, nobody: str = "a former user") -> str:
    """A user as colleagues know them: their full name, else their email address; never
    their login name. `nobody` when there is no user (deleted, or the system)."""
    if user is None:
        return nobody
    full = (user.get_full_name() or "").strip() if hasattr(user, "get_full_name") else ""
    if full:
        return full
    email = (getattr(user, "email", "") or "").strip()
    return email or "a colleague whose name is not recorded"


def or_not_recorded(value) -> str:
    """The value as text, or "Not recorded" when there is none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return NOT_RECORDED
    return str(value)


def looks_like_code(text: str) -> bool:
    """Whether the text is a developer's code (coasting_2025, case.opened) rather than words."""
    return bool(_CODE.match(text or ""))


def humanise_code(code: str) -> str:
    """A code read aloud when nothing better is known: "rise_stuck" -> "Rise stuck"."""
    words = re.sub(r"[._]+", " ", code or "").strip()
    return words[:1].upper() + words[1:]


NAMING_FILES = (
    "the DfE's school information spine (the performance tables' school list) or a GIAS "
    "(Get Information About Schools) extract"
)


def school_name(school) -> str:
    """A school's name, else what is known of it: URN, type and LA."""
    if school is None:
        return NOT_RECORDED
    name = (getattr(school, "name", "") or "").strip()
    if name:
        return name
    known = [f"URN {getattr(school, 'urn', '')}"]
    type_name = (getattr(school, "type_name", "") or "").strip()
    if type_name:
        known.append(type_name[:1].lower() + type_name[1:])
    la = getattr(school, "la", None) if getattr(school, "la_id", None) else None
    if la is not None:
        known.append(la.name)
    return f"Unnamed school ({', '.join(known)})"
