"""Letter templates' placeholders and how a letter's text is filled in.

A template is plain text with placeholders such as $school_name (or ${school_name} when
letters follow it directly); $$ writes a dollar sign. PLACEHOLDERS lists every one, with
what it is replaced by: the school's details, its headteacher and chair of governors, the
officer generating the letter, the case, and the case's latest warning notice.
"""

import re
import string
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model

from uplift.accounts.models import Role
from uplift.casework.models import Ground, WarningNotice
from uplift.core.dates import long_date
from uplift.schools.models import ContactKind, SchoolContact

NO_NOTICE = "(no warning notice)"
NO_DATE = "(no date set)"
DEFAULT_HEADTEACHER = "The headteacher"
DEFAULT_CHAIR = "The chair of governors"

PLACEHOLDERS: dict[str, str] = {
    "school_name": "The school's name",
    "urn": "The school's unique reference number (URN)",
    "laestab": "The school's LA and establishment number (LAESTAB)",
    "la_name": "The local authority's name",
    "date": "The date the letter is generated, for example 3 November 2026",
    "headteacher": "The headteacher's name (or 'The headteacher')",
    "chair": "The chair of governors' name (or 'The chair of governors')",
    "salutation": "Dear Mrs Patel and Mr Jones: the head and chair as recorded in the "
    "school's contacts (or 'Dear Headteacher and Chair of Governors')",
    "chair_salutation": "Dear Mr Jones: the chair as recorded (or 'Dear Chair of Governors')",
    "officer": "The name of the officer generating the letter",
    "concern_reason": "Why the case was opened",
    "action_plan_due_on": "The date the school's action plan is due",
    "notice_issued_on": "The date the latest warning notice was issued",
    "notice_grounds": "The statutory grounds the latest warning notice states",
    "compliance_deadline": "The last day of the latest warning notice's compliance period",
    "powers_window_ends": "The last day additional governors may be appointed (s.64)",
}


class LetterText(string.Template):
    """$name or ${name}; names are lower case letters, digits and underscores."""

    idpattern = r"[a-z][a-z0-9_]*"
    flags = re.ASCII


def placeholders_in(text: str) -> list[str]:
    """The placeholder names the text uses, in order of first use."""
    names: list[str] = []
    for match in LetterText.pattern.finditer(text or ""):
        name = match.group("named") or match.group("braced")
        if name and name not in names:
            names.append(name)
    return names


def unknown_placeholders(text: str) -> list[str]:
    return [name for name in placeholders_in(text) if name not in PLACEHOLDERS]


def stray_dollar(text: str) -> str | None:
    """A $ that starts no placeholder (such as "$5" or "$ "), as written, or None."""
    for match in LetterText.pattern.finditer(text or ""):
        if match.group("invalid") is not None:
            start = match.start("invalid")
            return (text[start - 1 : start + 6]).strip() or "$"
    return None


def fill(text: str, values: dict[str, str]) -> str:
    """The text with every placeholder replaced (unknown ones are left as written)."""
    return LetterText(text).safe_substitute(values)


def person_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


@dataclass(frozen=True)
class SchoolContacts:
    """A school's headteacher and chair of governors: as recorded in its contacts (names,
    titles, email addresses, with its clerk and business manager), else the accounts of
    its headteacher(s) and chair(s)."""

    heads: tuple
    chairs: tuple
    recorded: dict = field(default_factory=dict)  # {ContactKind: SchoolContact}

    def _recorded_name(self, kind) -> str:
        contact = self.recorded.get(kind)
        return " ".join(p for p in (contact.first_name, contact.last_name) if p) if contact else ""

    @property
    def headteacher(self) -> str:
        return (
            self._recorded_name(ContactKind.HEAD)
            or " and ".join(map(person_name, self.heads))
            or DEFAULT_HEADTEACHER
        )

    @property
    def chair(self) -> str:
        return (
            self._recorded_name(ContactKind.CHAIR)
            or " and ".join(map(person_name, self.chairs))
            or DEFAULT_CHAIR
        )

    def _formal(self, kind, users, fallback: str) -> str:
        contact = self.recorded.get(kind)
        if contact is not None and contact.formal_name:
            return contact.formal_name
        return " and ".join(map(person_name, users)) or fallback

    @property
    def salutation(self) -> str:
        """ "Dear Mrs Patel and Mr Jones" (or "Dear Headteacher and Chair of Governors")."""
        head = self._formal(ContactKind.HEAD, self.heads, "Headteacher")
        chair = self._formal(ContactKind.CHAIR, self.chairs, "Chair of Governors")
        return f"Dear {head} and {chair}"

    @property
    def chair_salutation(self) -> str:
        return f"Dear {self._formal(ContactKind.CHAIR, self.chairs, 'Chair of Governors')}"

    @property
    def emails(self) -> list[str]:
        """Where notifications to the school go: its recorded contacts' addresses (head,
        chair, clerk, business manager), then its head's and chair's accounts'."""
        found = []
        recorded = [self.recorded.get(kind) for kind in ContactKind.values]
        addresses = [c.email for c in recorded if c is not None]
        for address in (*addresses, *(user.email for user in (*self.heads, *self.chairs))):
            if address and address.lower() not in {known.lower() for known in found}:
                found.append(address)
        return found


def school_contacts(establishment) -> SchoolContacts:
    """Active users whose profile makes them the school's headteacher or chair (one query)."""
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            profile__establishment=establishment,
            profile__role__in=[Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS],
        )
        .select_related("profile")
        .order_by("last_name", "first_name", "username")
    )
    heads, chairs = [], []
    for user in users:
        (heads if user.profile.role == Role.HEADTEACHER else chairs).append(user)
    recorded = {c.kind: c for c in SchoolContact.objects.filter(establishment=establishment)}
    return SchoolContacts(tuple(heads), tuple(chairs), recorded)


def addressed_to(contacts: SchoolContacts, establishment) -> str:
    school = establishment.name or f"URN {establishment.urn}"
    return (
        f"{contacts.headteacher}, Headteacher, {school}\n"
        f"{contacts.chair}, Chair of Governors, {school}"
    )


def latest_notice(case) -> WarningNotice | None:
    return case.warning_notices.order_by("-issued_on", "-id").first()


def grounds_text(codes) -> str:
    labels = dict(Ground.choices)
    return "; ".join(labels.get(code, code) for code in codes or ()) or "(no grounds stated)"


def letter_values(*, case, officer, on: date, contacts: SchoolContacts | None = None) -> dict:
    """Every placeholder's value for a letter of `case` dated `on`."""
    school = case.establishment
    contacts = contacts or school_contacts(school)
    notice = latest_notice(case)
    values = {
        "school_name": school.name or f"URN {school.urn}",
        "urn": str(school.urn),
        "laestab": school.laestab or "(no LAESTAB)",
        "la_name": school.la.name if school.la_id else "",
        "date": long_date(on, missing=NO_DATE),
        "headteacher": contacts.headteacher,
        "chair": contacts.chair,
        "salutation": contacts.salutation,
        "chair_salutation": contacts.chair_salutation,
        "officer": person_name(officer) or "The local authority",
        "concern_reason": case.opening_reason.strip(),
        "action_plan_due_on": long_date(case.action_plan_due_on, missing=NO_DATE),
        "notice_issued_on": NO_NOTICE,
        "notice_grounds": NO_NOTICE,
        "compliance_deadline": NO_NOTICE,
        "powers_window_ends": NO_NOTICE,
    }
    if notice is not None:
        values |= {
            "notice_issued_on": long_date(notice.issued_on, missing=NO_DATE),
            "notice_grounds": grounds_text(notice.grounds),
            "compliance_deadline": long_date(notice.compliance_deadline, missing=NO_DATE),
            "powers_window_ends": long_date(notice.powers_window_ends, missing=NO_DATE),
        }
    assert set(values) == set(PLACEHOLDERS)
    return values


def paragraphs(body: str) -> list[list[str]]:
    """The body's paragraphs (separated by blank lines), each as its lines."""
    blocks = re.split(r"\n\s*\n", (body or "").replace("\r\n", "\n").strip())
    return [[line.rstrip() for line in block.split("\n")] for block in blocks if block.strip()]
