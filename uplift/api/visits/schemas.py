"""What the visits endpoints take and answer."""

from datetime import date, datetime

from ninja import Field, Schema


class PersonOut(Schema):
    id: int
    name: str


class SectionOut(Schema):
    heading: str
    text: str


class NoteOut(Schema):
    sections: list[SectionOut]
    shared_at: datetime | None
    head_comment: str
    head_commented_at: datetime | None
    head_commented_by: PersonOut | None
    finalised_at: datetime | None


class VisitOut(Schema):
    id: int
    urn: int
    school: str
    adviser: PersonOut
    scheduled_for: date
    academic_year: str = Field(description="e.g. 2026-27 (1 September to 31 August)")
    purpose: str
    status: str = Field(
        description="scheduled, drafted, awaiting_comment, commented, finalised or cancelled"
    )
    cancelled_reason: str
    case_id: int | None
    cycle_id: int | None
    version: int = Field(description="Send it back with a change: a stale one is refused")
    note: NoteOut | None = Field(description="null when the caller may not read the note yet")


class EntitlementOut(Schema):
    urn: int
    academic_year: str
    category_code: str = Field(description='"" before the school has a published category')
    category_label: str
    visits_per_year: int | None = Field(description="null when the policy sets no number")
    visits_used: int = Field(description="Visits whose note is finalised")
    visits_planned: int = Field(description="Visits scheduled or with their note in progress")
    remaining: int | None = Field(description="visits_per_year less used and planned, >= 0")
    support_offer: str


class VisitIn(Schema):
    urn: int
    adviser_id: int | None = Field(
        None,
        description="User id of an adviser of the school's LA "
        "(the caller, when an adviser, if left out)",
    )
    scheduled_for: date
    purpose: str = Field(max_length=200)


class SectionIn(Schema):
    heading: str
    text: str = ""


class NoteIn(Schema):
    sections: list[SectionIn] = Field(description="Under the template's headings")
    version: int


class VersionIn(Schema):
    version: int


class CommentIn(Schema):
    comment: str
    version: int


class CancelIn(Schema):
    reason: str
    version: int = Field(description="The visit's version you saw: a stale one answers 409")


class YearQuery(Schema):
    year: str = Field("", description="Academic year, e.g. 2026-27 (this year if left out)")
