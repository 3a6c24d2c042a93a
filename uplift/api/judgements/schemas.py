from datetime import date, datetime

from ninja import Field, Schema


class JudgementQuery(Schema):
    urn: int | None = Field(None, description="Only this school's judgements")
    criterion: str = Field("", description="Only this criterion (its code)")
    standing: bool = Field(
        False, description="Only the judgement that stands for each school and criterion"
    )


class JudgementIn(Schema):
    urn: int
    criterion: str = Field(description="The criterion's code or its name in the policy")
    value: str = Field(description="A level on the criterion's scale, e.g. strength")
    evidence: str
    judged_on: date | None = Field(None, description="When it was made; today if left out")
    version: int | None = Field(
        None,
        description=(
            "How many judgements of this criterion you saw for the school (the `version` "
            "the list gives, 0 for none): when someone recorded another since, the request "
            "is refused with 409 stale_version"
        ),
    )


class JudgementOut(Schema):
    id: int
    urn: int
    school: str
    criterion: str
    criterion_label: str
    value: str
    evidence: str
    judged_on: date
    recorded_by: str
    recorded_at: datetime
    from_upload: bool
    version: int = Field(
        description="How many judgements of this criterion the school has: send it back "
        "with the next one"
    )
