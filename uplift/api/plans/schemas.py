"""What the plans endpoints take and answer."""

from datetime import date

from ninja import Field, Schema

from uplift.support.models import CycleStage, Rag


class PersonOut(Schema):
    id: int
    name: str


class MilestoneOut(Schema):
    id: int
    text: str
    due_on: date
    done_on: date | None


class ReviewOut(Schema):
    id: int
    reviewed_on: date
    rag: str = Field(description="red, amber or green")
    commentary: str
    reviewer: PersonOut | None


class ObjectiveOut(Schema):
    id: int
    text: str
    success_criteria: str
    owner: PersonOut
    due_on: date
    achieved_on: date | None
    latest_rag: str | None = Field(description="The latest review's rating; null before any")
    latest_reviewed_on: date | None
    milestones: list[MilestoneOut]
    reviews: list[ReviewOut] | None = Field(
        description="Every review, oldest first (one plan only; null in lists)"
    )


class PlanOut(Schema):
    id: int
    urn: int
    school: str
    title: str
    starts_on: date
    ends_on: date | None
    status: str = Field(description="active or closed")
    closed_on: date | None
    closed_reason: str
    case_id: int | None
    version: int = Field(
        description="Goes up with every change to the plan, its objectives, milestones and "
        "reviews: send it back with a change to refuse a stale one"
    )
    objectives: list[ObjectiveOut]


class StepOut(Schema):
    id: int
    stage: str
    happened_on: date
    summary: str


class CycleOut(Schema):
    id: int
    urn: int
    school: str
    stage: str = Field(description=", ".join(CycleStage.values))
    started_on: date
    ended_on: date | None
    plan_id: int | None
    version: int = Field(description="Send it back with the next step to refuse a stale one")
    next_stages: list[str] = Field(description="The stages that may be recorded next")
    steps: list[StepOut]


class PlanIn(Schema):
    urn: int
    title: str
    starts_on: date
    ends_on: date | None = None
    case_id: int | None = Field(None, description="A concern case of the same school")


class ObjectiveIn(Schema):
    text: str
    success_criteria: str = ""
    owner_id: int = Field(description="A user who can see the school")
    due_on: date
    version: int = Field(description="The plan's version you read: a stale one answers 409")


class MilestoneIn(Schema):
    text: str
    due_on: date
    version: int = Field(description="The plan's version you read: a stale one answers 409")


class ReviewIn(Schema):
    reviewed_on: date
    rag: Rag
    commentary: str
    version: int = Field(description="The plan's version you read: a stale one answers 409")


class DoneIn(Schema):
    done_on: date
    version: int = Field(description="The plan's version you read: a stale one answers 409")


class AchievedIn(Schema):
    achieved_on: date
    version: int = Field(description="The plan's version you read: a stale one answers 409")


class CloseIn(Schema):
    closed_on: date
    reason: str
    version: int = Field(description="The plan's version you read: a stale one answers 409")


class CycleIn(Schema):
    urn: int
    started_on: date = Field(description="The date of the collaborative review")
    summary: str = Field(description="What the collaborative review found")


class StepIn(Schema):
    stage: CycleStage
    happened_on: date
    summary: str
    plan_id: int | None = Field(None, description="The intervention plan's action plan")
    version: int = Field(description="The cycle's version you read: a stale one answers 409")
