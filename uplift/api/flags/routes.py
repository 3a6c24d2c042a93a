"""A school's coasting and RISE "stuck" flags on a date, worked out from its inspection
history (and, for the 2017 coasting rule, its results) with the rule that applied then.
Anyone who may read the school may read them: they come from public data."""

from django.utils import timezone
from ninja import Query, Router

from uplift.api import selectors
from uplift.api.errors import ERROR_RESPONSES
from uplift.api.flags.schemas import (
    FlagOut,
    FlagsQuery,
)
from uplift.casework.flags import school_flags

router = Router(tags=["flags"])


@router.get(
    "/schools/{int:urn}/flags",
    response={200: list[FlagOut], **ERROR_RESPONSES},
    summary="A school's coasting and RISE 'stuck' flags on a date, with the rule applied",
)
def school_flag_list(request, urn: int, query: Query[FlagsQuery]):
    school = selectors.school_in_scope(user=request.auth, urn=urn)
    on = query.on or timezone.localdate()
    return [flag.as_json() for flag in school_flags(establishment=school, on=on)]
