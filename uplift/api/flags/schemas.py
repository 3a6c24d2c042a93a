"""What the flags endpoints take and answer."""

from datetime import date

from ninja import Field, Schema


class FlagsQuery(Schema):
    on: date | None = Field(None, description="The date the flags are worked out for (today)")


class FlagOut(Schema):
    code: str = Field(description="coasting or rise_stuck")
    label: str
    raised: bool
    decided: bool = Field(description="False when the evidence the rule needs is missing")
    rule: str = Field(description="The registered rule that applied on the date")
    rule_text: str
    applies_from: date | None
    applies_to: date | None
    reason: str
