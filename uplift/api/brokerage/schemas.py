"""What the school-to-school support endpoints take and answer."""

from datetime import date

from ninja import Field, Schema


class CheckOut(Schema):
    checked_on: date
    what: str
    outcome: str = Field(description="passed, concerns or failed")
    checked_by: str


class OrganisationOut(Schema):
    id: int
    la_code: str
    kind: str = Field(
        description="school, trust, teaching_school_hub, la_team, la_traded or private"
    )
    name: str
    urn: int | None
    postcode: str
    contact_name: str
    contact_email: str
    checks: list[CheckOut] = Field(description="Due diligence checks, newest first")


class OrganisationIn(Schema):
    kind: str
    name: str = ""
    urn: int | None = None
    postcode: str = ""
    contact_name: str = ""
    contact_email: str = ""


class CheckIn(Schema):
    checked_on: date
    what: str
    outcome: str
    notes: str = ""


class DesignationOut(Schema):
    kind: str = Field(description="nle, lle, sle, local or adviser")
    scheme: str
    designated_by: str
    starts_on: date
    ends_on: date | None


class EligibilityOut(Schema):
    eligible: bool
    reasons: list[str]
    codes: list[str]
    since: date | None = Field(description="When the school stopped being eligible, if known")


class LeaderOut(Schema):
    id: int
    name: str
    organisation_id: int
    organisation: str
    phases: list[str]
    specialisms: list[str]
    days_per_term: int
    is_sample: bool = Field(description="A sample record made up for the demonstration")
    designations: list[DesignationOut]
    eligibility: EligibilityOut | None = Field(description="null when not at a school")


class LeaderIn(Schema):
    organisation_id: int
    name: str
    email: str = ""
    phases: list[str]
    specialisms: list[str]
    days_per_term: int
    kind: str = Field(description="The first designation: nle, lle, sle, local or adviser")
    scheme: str = ""
    designated_by: str
    starts_on: date


class ProposalOut(Schema):
    leader_id: int
    leader: str
    organisation: str
    score: int
    reasons: list[str]


class ExclusionOut(Schema):
    leader_id: int
    leader: str
    reasons: list[str]
    codes: list[str] = Field(description="The codes of the rules that exclude the leader")


class RequestOut(Schema):
    id: int
    urn: int
    school: str
    raised_from: str = Field(description="case, category_offer, officer or school")
    case_id: int | None
    areas: list[str]
    details: str
    days: int
    needed_by: date
    funding: str
    status: str = Field(description="open, brokered or withdrawn")
    version: int


class RequestDetailOut(RequestOut):
    proposals: list[ProposalOut] | None = Field(description="For LA officers, while open")
    exclusions: list[ExclusionOut] | None


class RequestIn(Schema):
    urn: int
    raised_from: str = Field("officer", description="Ignored for a headteacher: school")
    case_id: int | None = None
    areas: list[str]
    days: int
    needed_by: date
    funding: str
    details: str = ""


class ObjectiveIn(Schema):
    text: str
    plan_objective_id: int | None = None


class AgreeIn(Schema):
    leader_id: int
    days_planned: int
    starts_on: date
    ends_on: date
    review_on: date
    school_agreed_on: date
    supporter_agreed_on: date
    la_agreed_on: date
    objectives: list[ObjectiveIn]
    version: int | None = None


class SessionOut(Schema):
    id: int
    held_on: date
    days: float
    focus: str
    notes: str
    school_comment: str
    version: int


class DeploymentOut(Schema):
    id: int
    request_id: int
    urn: int
    school: str
    organisation: str
    leader_id: int
    leader: str
    status: str = Field(description="agreed, in_progress, completed or ended_early")
    days_planned: int
    days_delivered: float
    cost_pence: int
    credits: int
    starts_on: date
    ends_on: date
    review_on: date
    reviewed_on: date | None
    impact: str
    exited_on: date | None
    version: int


class DeploymentDetailOut(DeploymentOut):
    objectives: list[str]
    sessions: list[SessionOut]


class SessionIn(Schema):
    held_on: date
    days: float
    focus: str
    notes: str


class CommentIn(Schema):
    comment: str
    version: int | None = None


class ReviewIn(Schema):
    reviewed_on: date
    impact: str
    summary: str
    version: int | None = None


class ExitIn(Schema):
    exited_on: date
    summary: str
    completed: bool = True
    version: int | None = None


class EntryOut(Schema):
    occurred_on: date
    kind: str = Field(description="earned, spent or adjusted")
    credits: int
    balance_after: int
    description: str


class StatementOut(Schema):
    urn: int
    academic_year: str
    opening: int
    earned: int
    spent: int
    adjusted: int
    closing: int
    entries: list[EntryOut]


class CreditsIn(Schema):
    credits: int
    occurred_on: date
    reason: str


class YearQuery(Schema):
    year: str = Field("", description="An academic year such as 2026-27; this year if empty")
