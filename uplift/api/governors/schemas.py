"""What the governor services endpoints take and answer."""

from datetime import date

from ninja import Field, Schema


class GovernorOut(Schema):
    id: int
    urn: int
    name: str
    category: str
    role: str = Field(description='"chair", "vice_chair" or "member"')
    appointed_by: str
    starts_on: date
    term_ends_on: date
    term_overdue: bool = Field(description="Still serving after the term ended")
    dbs_checked_on: date | None
    appointment: str = Field(description="An s.64 or s.65 appointment's details")


class PlaceOut(Schema):
    category: str
    places: int
    vacant: int


class ReviewOut(Schema):
    kind: str
    reviewed_on: date
    rating: str
    evidence: str


class GoverningBodyOut(Schema):
    urn: int
    school: str
    kind: str
    clerk: str
    clerked_by_la: bool
    places: int
    vacancies: int
    vacancy_percent: int
    chair_term_expired: bool
    needs_attention: bool
    is_sample: bool
    constitution: list[PlaceOut]
    governors: list[GovernorOut] = Field(description="Serving governors")
    reviews: list[ReviewOut]


class VacancyOut(Schema):
    urn: int
    school: str
    places: int
    vacancies: int
    vacancy_percent: int
    chair_term_expired: bool
    needs_attention: bool = Field(description="Over 20% vacant or the chair's term expired")


class GovernorIn(Schema):
    name: str
    category: str
    role: str = "member"
    appointed_by: str
    starts_on: date
    term_ends_on: date
    dbs_checked_on: date | None = None
    appointment: str = ""
    reason: str = ""
