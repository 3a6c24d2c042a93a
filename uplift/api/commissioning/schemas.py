"""What the commissioning endpoints take and answer. Money is integer pence."""

from datetime import date

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
