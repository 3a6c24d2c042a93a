"""What the meetings endpoints take and answer."""

from datetime import date, datetime

from ninja import Field, Schema

from uplift.api.schemas import SchoolRef


class ActionOut(Schema):
    id: int
    meeting_id: int
    description: str
    owner: str = Field(description="The owner's username")
    owner_name: str
    due_on: date
    done_on: date | None
    done_note: str


class MeetingOut(Schema):
    id: int
    school: SchoolRef
    case_id: int | None
    held_on: date
    members: list[str]
    minutes: str
    recorded_by: str | None
    recorded_at: datetime
    actions: list[ActionOut]


class ActionIn(Schema):
    description: str
    owner: str = Field(description="Username of LA staff or of the school's head or chair")
    due_on: date


class MeetingIn(Schema):
    held_on: date
    members: list[str] = Field(description="Who attended, one name and role each")
    minutes: str
    case_id: int | None = Field(None, description="The school's concern case, if any")
    actions: list[ActionIn] = Field(default_factory=list)


class DoneIn(Schema):
    done_on: date
    note: str = ""
