from datetime import date, datetime

from ninja import Field, Schema


class ReviewOut(Schema):
    decision: str = Field(description="agree or dismiss")
    reason: str
    reviewed_by: str
    reviewed_at: datetime
    version: int


class RiskOut(Schema):
    id: int = Field(description="The assessment's id: review a flag at /early-warning/flags/{id}")
    urn: int
    school: str
    as_at: date = Field(description="Only what was known before this date was used")
    risk: float = Field(description="Chance (0 to 1) that the next graded inspection is worse")
    rank: int = Field(description="1 for the riskiest school the run scored")
    flagged: bool
    reasons: list[str]
    review: ReviewOut | None = Field(description="The officer's review that stands, if any")
    version: int = Field(description="How many reviews the flag has: send it with a review")


class FlagsQuery(Schema):
    status: str = Field("", description="unreviewed or reviewed; every flag when left out")


class ReviewIn(Schema):
    decision: str = Field(description="agree or dismiss")
    reason: str
    version: int = Field(
        description="The flag's `version` you saw: when someone reviewed it since, the request "
        "is refused with 409 stale_version"
    )
