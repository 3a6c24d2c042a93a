"""What the school category endpoints take and answer."""

from datetime import datetime

from ninja import Field, Schema


class CategoryOut(Schema):
    urn: int
    category: str | None = Field(description="The category that stands now (none before a round)")
    label: str | None
    since: datetime | None
    source: str | None = Field(description='e.g. "Round 2026-autumn"')
    version: int = Field(description="Send it back with a change: a stale one answers 409")


class RecategoriseIn(Schema):
    category: str = Field(description="A category code of the policy of the latest round")
    reason: str
    evidence: str
    version: int = Field(description="The version you read: a stale one answers 409")
