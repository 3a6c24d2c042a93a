"""What the cases endpoints take and answer."""

from datetime import date

from ninja import Field, Schema

from uplift.casework.cases.steps import move_targets_described
from uplift.casework.models import (
    Ground,
    NoticeRoute,
    Power,
    Stage,
    StructuralKind,
)


class CaseQuery(Schema):
    stage: str = Field("", description=f"Only cases at this stage: {', '.join(Stage.values)}")
    la: str = Field("", description="DfE LA code, e.g. 919")


class SchoolRefOut(Schema):
    urn: int
    name: str
    la_code: str | None
    la_name: str | None


class CaseOut(Schema):
    id: int
    school: SchoolRefOut
    stage: str
    stage_label: str
    stage_changed_on: date
    opened_on: date
    opened_by: str = Field(description="category, officer or inspection")
    opening_reason: str
    category_code: str
    lead_officer: str | None
    action_plan_due_on: date | None
    notice_of_intention_on: date | None
    closed_on: date | None
    closure_reason: str
    version: int = Field(description="Send it back with a move to refuse a stale one")


class StageChangeOut(Schema):
    from_stage: str
    to_stage: str
    changed_on: date
    reason: str
    by: str


class WarningNoticeOut(Schema):
    id: int
    case_id: int
    route: str
    grounds: list[str]
    issued_on: date
    compliance_working_days: int
    compliance_deadline: date = Field(description="The last day of the compliance period")
    powers_window_ends: date = Field(
        description="The last day additional governors may be appointed (s.64)"
    )
    copied_to_dfe_on: date | None
    compliance: str
    compliance_decided_on: date | None


class PowerOut(Schema):
    id: int
    case_id: int
    power: str
    power_label: str
    used_on: date
    details: str
    sos_consent_on: date | None
    consulted_on: date | None
    dfe_notified_on: date | None


class StructuralOut(Schema):
    id: int
    case_id: int
    kind: str
    decided_on: date
    academy_order_on: date | None
    expected_on: date | None
    completed_on: date | None
    details: str


class StepOut(Schema):
    code: str
    label: str
    allowed: bool
    reasons: list[str] = Field(description="Why the step is not open yet, rule by rule")


class CaseDetailOut(CaseOut):
    stage_changes: list[StageChangeOut]
    warning_notices: list[WarningNoticeOut]
    powers: list[PowerOut]
    structural_solutions: list[StructuralOut]
    next_steps: list[StepOut]
    academy_order_note: str


class CaseIn(Schema):
    urn: int
    reason: str
    opened_on: date | None = Field(None, description="Today when left out")


class MoveIn(Schema):
    to_stage: str = Field(description=f"The stage to move to: {move_targets_described()}")
    on: date
    reason: str
    version: int = Field(description="The case's version you saw: a stale one answers 409")
    action_plan_due_on: date | None = Field(None, description="Needed for pre_warning")


class WarningNoticeIn(Schema):
    grounds: list[str] = Field(
        default_factory=list, description=f"s.60(2) grounds: {', '.join(Ground.values)}"
    )
    issued_on: date
    compliance_working_days: int | None = Field(
        None, description="Working days to comply; the LA's default (15 if none) when left out"
    )
    route: str = Field(NoticeRoute.PERFORMANCE.value, description="s60 or s60a")
    reason: str = ""
    version: int = Field(description="The case's version you saw: a stale one answers 409")


class DfeCopyIn(Schema):
    copied_on: date


class ComplianceIn(Schema):
    compliance: str = Field(description="complied or not_complied")
    decided_on: date
    notes: str


class IntentionIn(Schema):
    given_on: date
    reason: str
    version: int = Field(description="The case's version you saw: a stale one answers 409")


class PowerIn(Schema):
    power: str = Field(description=", ".join(Power.values))
    used_on: date
    details: str
    sos_consent_on: date | None = None
    consulted_on: date | None = None
    dfe_notified_on: date | None = None
    version: int = Field(description="The case's version you saw: a stale one answers 409")


class PowerDfeIn(Schema):
    notified_on: date


class StructuralIn(Schema):
    kind: str = Field(description=", ".join(StructuralKind.values))
    decided_on: date
    academy_order_on: date | None = None
    expected_on: date | None = None
    completed_on: date | None = None
    details: str = ""
    version: int = Field(description="The case's version you saw: a stale one answers 409")


class CloseIn(Schema):
    closed_on: date
    reason: str
    version: int = Field(description="The case's version you saw: a stale one answers 409")
