"""What the commissioning endpoints take and answer. Money is integer pence."""

from datetime import date, datetime

from ninja import Field, Schema


class ReportPartOut(Schema):
    part: str = Field(description="implementation, teaching, outcomes or feedback")
    label: str
    rag: str | None = Field(description="red, amber, green, or null until written")
    evidence: str


class CommissionOut(Schema):
    id: int
    title: str
    provider: str
    provider_kind: str
    fund_id: int
    budget_pence: int
    starts_on: date
    ends_on: date
    urns: list[int]
    report: list[ReportPartOut]
    is_sample: bool


class SchemeOut(Schema):
    id: int
    name: str
    criteria: list[str]
    max_award_pence: int
    closes_on: date
    applications: int = Field(description="Applications the caller may see")
    is_sample: bool


class SubscriptionOut(Schema):
    id: int
    service: str
    urn: int
    school: str
    academic_year: str
    status: str = Field(description="offered, bought or declined")
    package: str | None
    price_pence: int
    version: int
    is_sample: bool


class SchoolSpendOut(Schema):
    urn: int
    school: str
    category: str
    deployment_pence: int = Field(description="School-to-school support")
    commission_pence: int = Field(description="Its share of commissions for several schools")
    grant_pence: int
    casework_pence: int
    other_pence: int
    total_pence: int = Field(description="Committed or paid, less what was released unspent")
    paid_pence: int
    paid_for_by: list[str] = Field(description="The funds that pay")


class CategorySpendOut(Schema):
    category: str
    schools: int
    total_pence: int
    paid_pence: int


class SpendOut(Schema):
    la_code: str | None = Field(description="The LA asked for, or null for every LA kept")
    year: str | None = Field(description="The financial year, or null for every year")
    by: str = Field(description="school or category")
    schools: list[SchoolSpendOut] = Field(description="Filled when by=school")
    categories: list[CategorySpendOut] = Field(description="Filled when by=category")
    not_for_a_school_pence: int
    total_pence: int


class ClaimOut(Schema):
    id: int
    application_id: int
    amount_pence: int
    status: str = Field(description="submitted, approved (and paid) or refused")
    evidence: str
    submitted_at: datetime
    decided_on: date | None
    decision_reason: str
    version: int
    is_sample: bool
