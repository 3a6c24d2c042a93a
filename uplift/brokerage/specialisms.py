"""What a system leader can help with and a school can ask for: the report-card evaluation
areas (from the framework registry, so a new framework's areas appear by themselves), then
subjects and the specialisms LAs broker for."""

from functools import cache

from uplift.inspections import frameworks

OTHER_SPECIALISMS = (
    ("send", "Special educational needs and disabilities"),
    ("early_years", "Early years"),
    ("governance", "Governance"),
    ("finance", "School finance"),
    ("english", "English"),
    ("reading", "Reading and phonics"),
    ("mathematics", "Mathematics"),
    ("science", "Science"),
    ("subject_leadership", "Subject leadership"),
)


@cache
def specialism_choices() -> tuple[tuple[str, str], ...]:
    """(code, label) of every specialism, report-card areas first."""
    found: dict[str, str] = {}
    for framework in frameworks.FRAMEWORKS:
        if framework.is_report_card:
            for area in framework.areas:
                found.setdefault(area.code, area.label)
    for code, label in OTHER_SPECIALISMS:
        found.setdefault(code, label)
    return tuple(found.items())


def specialism_label(code: str) -> str:
    return dict(specialism_choices()).get(code, code)


def unknown_specialisms(codes) -> list[str]:
    known = dict(specialism_choices())
    return [code for code in codes if code not in known]
