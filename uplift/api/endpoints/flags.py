"""A school's coasting and RISE "stuck" flags on a date, worked out from its inspection
history (and, for the 2017 coasting rule, its results) with the rule that applied then.
Anyone who may read the school may read them: they come from public data."""

from datetime import date

from django.utils import timezone
from ninja import Field, Query, Router, Schema

from uplift.api import selectors
from uplift.api.errors import ERROR_RESPONSES
from uplift.casework.flags import school_flags

router = Router(tags=["flags"])


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


@router.get(
    "/schools/{int:urn}/flags",
    response={200: list[FlagOut], **ERROR_RESPONSES},
    summary="A school's coasting and RISE 'stuck' flags on a date, with the rule applied",
)
def school_flag_list(request, urn: int, query: Query[FlagsQuery]):
    school = selectors.school_in_scope(user=request.auth, urn=urn)
    on = query.on or timezone.localdate()
    return [flag.as_json() for flag in school_flags(establishment=school, on=on)]
