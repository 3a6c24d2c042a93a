"""What the impact endpoints answer."""

from datetime import date

from ninja import Field, Schema


class SchoolImpactOut(Schema):
    urn: int | None
    name: str
    before: float | None
    before_period: str
    after: float | None
    after_period: str
    comparison_before: float | None
    comparison_after: float | None
    matches: int


class MeasureImpactOut(Schema):
    measure: str = Field(description="The measure's key, e.g. ks2_reading, absence, inspection")
    label: str
    higher_is_better: bool
    before: float | None = Field(description="Mean over the supported schools with both")
    after: float | None
    change: float | None
    comparison_before: float | None
    comparison_after: float | None
    comparison_change: float | None
    difference: float | None = Field(
        description="Difference in differences, more than 0 when the supported schools did "
        "better than similar schools; null when there are too few matches"
    )
    matches: int = Field(description="How many different similar schools stand behind it")
    enough: bool = Field(description="Whether enough similar schools were found to say anything")
    verdict: str
    schools: list[SchoolImpactOut]


class ImpactOut(Schema):
    kind: str
    id: int
    title: str
    given_by: str
    starts_on: date
    ends_on: date | None
    is_sample: bool
    minimum_matches: int
    measures: list[MeasureImpactOut]
