"""The partnership services: who may run one, terms of reference with optimistic locking,
members of any kind, dated responsibility, and refusals that change nothing."""

from datetime import date

import pytest

from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import Conflict, NotAllowed, Refused, StaleVersion
from uplift.partnerships import services
from uplift.partnerships.models import MemberKind, Quorum


def test_only_the_las_officers_run_it(pw):
    for outsider in (pw["essex_officer"], pw["head_a"], pw["adviser"]):
        with pytest.raises(NotAllowed):
            services.add_member(
                actor=outsider,
                via=Via.WEB,
                partnership=pw.partnership,
                kind=MemberKind.BUSINESS,
                name="A business",
                joined_on=date(2026, 1, 1),
            )
    assert not pw.partnership.members.exists()


def test_terms_of_reference_refuse_a_stale_save(pw):
    p = pw.partnership
    change = {"actor": pw["officer"], "via": Via.WEB, "partnership": p}
    terms = {"terms_of_reference": "New", "quorum_number": 5, "chair_has_casting_vote": False}
    updated = services.update_terms(
        version=p.version, quorum=Quorum.FIXED, reason="Fixed quorum", **terms, **change
    )
    assert (updated.quorum, updated.quorum_number, updated.version) == ("fixed", 5, 2)
    event = AuditEvent.objects.get(action="partnerships.terms_changed")
    assert event.changes["quorum"] == ["majority", "fixed"]
    with pytest.raises(StaleVersion):
        services.update_terms(
            version=p.version, quorum=Quorum.HALF, reason="Stale", **terms, **change
        )
    with pytest.raises(Refused, match="number of voting members"):
        services.update_terms(
            version=updated.version,
            quorum=Quorum.FIXED,
            reason="No number",
            **{**terms, "quorum_number": None},
            **change,
        )


def test_members_of_any_kind_and_dated_responsibility(pw):
    change = {"actor": pw["officer"], "via": Via.WEB, "partnership": pw.partnership}
    school = services.add_member(
        kind=MemberKind.SCHOOL, establishment=pw.schools[0], joined_on=date(2025, 9, 1), **change
    )
    assert school.name == "Abbots Langley Primary"
    for kind in ("college", "university", "la_service", "business", "voluntary", "individual"):
        services.add_member(kind=kind, name=f"A {kind}", joined_on=date(2025, 9, 1), **change)
    assert pw.partnership.members.count() == 7
    with pytest.raises(Refused, match="its schools"):
        services.take_responsibility(
            establishments=[pw.essex_school], starts_on=date(2026, 1, 1), reason="x", **change
        )
    again = services.take_responsibility(
        establishments=pw.schools, starts_on=date(2026, 1, 1), reason="Watford joins", **change
    )
    assert [r.establishment for r in again] == [pw.schools[3]]  # the others already are
    with pytest.raises(Conflict):
        services.create_partnership(
            actor=pw["officer"],
            via=Via.WEB,
            la=pw.herts,
            kind="cluster",
            name="north herts consortium",
        )
