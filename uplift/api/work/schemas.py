"""What the work endpoints take and answer."""

from datetime import date
from enum import Enum

from ninja import Field, Schema

from uplift.workload.timeline import KINDS

TimelineKind = Enum("TimelineKind", {key: key for key in KINDS}, type=str)


class SchoolRef(Schema):
    urn: int
    name: str


class WorkItemOut(Schema):
    key: str = Field(description='What it is, e.g. "casework.meetingaction:12"')
    kind: str
    title: str
    school: SchoolRef | None
    due_on: date | None
    overdue: bool
    status: str
    url: str = Field(description="Path of the page that shows it; empty if you may not open it")


class DeadlineOut(Schema):
    label: str
    due_on: date
    overdue: bool
    approaching: bool = Field(description="A window closing within the next 10 days")


class CaseWorkOut(Schema):
    id: int
    school: SchoolRef
    stage: str
    stage_label: str
    url: str
    deadlines: list[DeadlineOut] = Field(description="Still to be met, soonest first")


class MyWorkOut(Schema):
    today: date
    overdue_count: int
    visits: list[WorkItemOut] = Field(description="Visits you make that are coming up")
    notes: list[WorkItemOut] = Field(description="Notes of visit to write, finalise or comment on")
    actions: list[WorkItemOut] = Field(description="Monitoring board actions you own, not done")
    objectives: list[WorkItemOut] = Field(description="Objectives and milestones you own")
    cases: list[CaseWorkOut] = Field(description="Open cases you lead, with their deadlines")


class TimelineEntryOut(Schema):
    date: date
    kind: str
    kind_label: str
    title: str
    detail: str
    url: str


class TimelineQuery(Schema):
    kind: list[TimelineKind] = Field(
        default_factory=list, description="Only these kinds (repeat the parameter); all if none"
    )
