"""What the API answers with. Dates are ISO 8601; figures are numbers or null."""

from datetime import date, datetime
from typing import Any

from ninja import Schema


class LocalAuthorityOut(Schema):
    code: str
    name: str


class GroupOut(Schema):
    id: int
    kind: str
    name: str
    reference: str


class SchoolRef(Schema):
    urn: int
    name: str


class JudgementOut(Schema):
    area: str
    area_label: str
    grade: str
    grade_label: str


class InspectionOut(Schema):
    id: int
    framework: str
    framework_name: str
    kind: str
    kind_label: str
    type: str
    start_date: date
    publication_date: date | None
    overall_grade: int | None
    overall_label: str
    grade_summary: str
    outcome: str
    category_of_concern: str
    safeguarding: str
    judgements: list[JudgementOut]


class InspectionListItem(InspectionOut):
    school: SchoolRef


class LatestInspectionOut(Schema):
    framework: str
    kind: str
    start_date: date
    grade_summary: str
    category_of_concern: str


class SchoolSummary(Schema):
    urn: int
    laestab: str
    name: str
    la: LocalAuthorityOut | None
    phase: str
    phase_group: str
    type: str
    type_group: str
    status: str
    pupils: int | None
    trust: GroupOut | None
    latest_inspection: LatestInspectionOut | None


class MembershipOut(Schema):
    group: GroupOut
    role: str
    joined_on: date | None
    left_on: date | None
    current: bool


class LinkOut(Schema):
    urn: int
    name: str
    link_type: str
    established_on: date | None
    in_scope: bool


class SchoolDetail(Schema):
    urn: int
    laestab: str
    establishment_number: str
    name: str
    la: LocalAuthorityOut | None
    phase: str
    phase_group: str
    type: str
    type_group: str
    status: str
    open_date: date | None
    close_date: date | None
    statutory_low_age: int | None
    statutory_high_age: int | None
    pupils: int | None
    percent_fsm: float | None
    town: str
    postcode: str
    religious_character: str
    trust: GroupOut | None
    memberships: list[MembershipOut]
    links: list[LinkOut]
    latest_graded_inspection: InspectionOut | None
    latest_ungraded_inspection: InspectionOut | None


class ResultOut(Schema):
    value: float | None
    suppression: str  # the file's code when it gave no number (SUPP, NE, x ...), else ""
    suppression_meaning: str


class TrendYearOut(Schema):
    academic_year: str
    school: ResultOut | None
    la: ResultOut | None
    england: ResultOut | None


class MeasureTrendOut(Schema):
    code: str
    label: str
    dataset: str
    key_stage: str
    unit: str
    polarity: str
    decimal_places: int
    comparator_segment: str
    years: list[TrendYearOut]


class ImportRunOut(Schema):
    id: int
    importer: str
    file_name: str
    sha256: str
    status: str
    actor: str
    via: str
    started_at: datetime
    finished_at: datetime
    options: dict[str, Any]
    rows_read: int
    rows_added: int
    rows_updated: int
    rows_unchanged: int
    rows_rejected: int
    summary: str


class ImportRunDetail(ImportRunOut):
    errors: list[dict[str, Any]]
