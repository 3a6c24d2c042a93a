"""Which schools the LA maintains: warning notices and intervention powers (EIA 2006 Part 4)
are for maintained schools only, not for academies, free schools or independent schools.

GIAS names the type ("Community school") and its group ("Local authority maintained
schools"); Ofsted's files name the type in their own words ("Community School", "LA Nursery
School"). Both are read, without regard to case.
"""

MAINTAINED_GROUPS = frozenset({"local authority maintained schools"})

# Community, foundation and voluntary schools, community and foundation special schools,
# maintained nursery schools and pupil referral units (Part 4 applies to PRUs by regulations).
MAINTAINED_TYPES = frozenset(
    {
        "community school",
        "foundation school",
        "voluntary aided school",
        "voluntary controlled school",
        "community special school",
        "foundation special school",
        "local authority nursery school",
        "la nursery school",
        "pupil referral unit",
    }
)

NOT_MAINTAINED_WORDS = ("academy", "free school", "independent", "non-maintained", "studio school")


def _words(value) -> str:
    return " ".join(str(value or "").split()).lower()


def is_la_maintained(establishment) -> bool:
    """Whether the school is maintained by its LA (an academy, free school, independent or
    non-maintained special school is not; nor is a school whose type is not known)."""
    type_name = _words(getattr(establishment, "type_name", ""))
    type_group = _words(getattr(establishment, "type_group", ""))
    if any(word in type_name for word in NOT_MAINTAINED_WORDS):
        return False
    return type_name in MAINTAINED_TYPES or type_group in MAINTAINED_GROUPS


def school_type_text(establishment) -> str:
    """The school's type as a person reads it, e.g. "an academy converter"."""
    type_name = " ".join(str(getattr(establishment, "type_name", "") or "").split())
    if not type_name:
        return "a school of unknown type"
    article = "an" if type_name[:1].lower() in "aeiou" else "a"
    return f"{article} {type_name[:1].lower()}{type_name[1:]}"
