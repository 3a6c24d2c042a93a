"""The LA's rating of governance feeds a categorisation policy's judged criterion coded
"governance" (quality of leadership and management, including governance), unless an
officer judged that criterion."""

from datetime import date

from uplift.audit.models import Via
from uplift.categorisation.selectors import _judgements
from uplift.governors import services
from uplift.governors.models import Rating, ReviewKind
from uplift.schools.models import Establishment


def test_the_las_rating_is_the_criterions_evidence(gw, bodies):
    first = bodies[0]
    for on, rating in ((date(2026, 3, 1), Rating.EFFECTIVE), (date(2026, 10, 1), Rating.WEAK)):
        services.record_review(
            actor=gw["officer"],
            via=Via.WEB,
            body=first,
            kind=ReviewKind.LA_RATING,
            reviewed_on=on,
            rating=rating,
            evidence=f"Evidence of {on}",
        )
    ids = Establishment.objects.filter(la=gw.herts).values("pk")
    found = _judgements(ids, ["governance"], date(2026, 11, 1))
    evidence = found[first.establishment_id]["governance"]
    assert evidence.value == "weak"
    assert evidence.source.label == "The LA's rating of governance, 1 October 2026"
    earlier = _judgements(ids, ["governance"], date(2026, 5, 1))
    assert earlier[first.establishment_id]["governance"].value == "effective"
    assert _judgements(ids, ["other"], date(2026, 11, 1)) == {}
