"""What kind of school an establishment is, for deciding who an LA categorises: maintained
by the LA, an academy or free school, independent, or not known (no type recorded).

GIAS names the type ("Community school") and its group ("Local authority maintained
schools", "Academies", "Free Schools", "Independent schools"); Ofsted's and the DfE's files
name the type in their own words. Both are read without regard to case."""

MAINTAINED, ACADEMY, INDEPENDENT, UNKNOWN = "maintained", "academy", "independent", "unknown"
KIND_WORDS = {
    MAINTAINED: "schools the LA maintains",
    ACADEMY: "academies and free schools in the LA's area",
    INDEPENDENT: "independent and non-maintained schools",
    UNKNOWN: "schools whose type is not recorded",
}

MAINTAINED_TYPES = (
    "community school",
    "foundation school",
    "voluntary aided",
    "voluntary controlled",
    "community special",
    "foundation special",
    "nursery school",
    "pupil referral unit",
    "local authority",
    "maintained school",
    "la maintained",
)
ACADEMY_WORDS = ("academy", "academies", "free school", "studio school", "university technical")
INDEPENDENT_WORDS = ("independent", "non-maintained", "non maintained", "welsh establishment")


def school_kind(*, type_name: str = "", type_group: str = "") -> str:
    text = " ".join(f"{type_name or ''} {type_group or ''}".split()).lower()
    if not text:
        return UNKNOWN
    if any(word in text for word in INDEPENDENT_WORDS):
        return INDEPENDENT
    if any(word in text for word in ACADEMY_WORDS):
        return ACADEMY
    if any(word in text for word in MAINTAINED_TYPES):
        return MAINTAINED
    return UNKNOWN
