from datetime import date

import pytest

from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import NotAllowed, Refused, StaleVersion
from uplift.governors import services
from uplift.governors.models import BodyKind, Category, GovernorRole, Rating, ReviewKind

START, ENDS = date(2026, 9, 1), date(2030, 8, 31)


def _appoint(actor, body, **extra):
    fields = {
        "name": "Ali Additional",
        "category": Category.PARENT,
        "appointed_by": "The parents",
        "starts_on": START,
        "term_ends_on": ENDS,
    }
    return services.appoint_governor(actor=actor, via=Via.WEB, body=body, **(fields | extra))


def test_setting_up_and_changing_a_body_is_versioned_and_audited(gw):
    school = gw.schools[0]
    body = services.set_up_body(
        actor=gw["head"],
        via=Via.WEB,
        establishment=school,
        kind=BodyKind.GOVERNING_BODY,
        places={Category.PARENT: 2, Category.STAFF: 1},
    )
    assert dict(body.places.values_list("category", "number")) == {"parent": 2, "staff": 1}
    changed = services.set_up_body(
        actor=gw["officer"],
        via=Via.WEB,
        establishment=school,
        kind=BodyKind.GOVERNING_BODY,
        places={Category.PARENT: 3},
        clerk="Pat Clerk",
        clerked_by_la=True,
        version=body.version,
        reason="New instrument of government",
    )
    assert changed.version == 2
    assert dict(changed.places.values_list("category", "number")) == {"parent": 3}
    event = AuditEvent.objects.filter(action="governors.body_changed").get()
    assert event.reason == "New instrument of government"
    assert event.changes["places"] == [{"parent": 2, "staff": 1}, {"parent": 3}]
    with pytest.raises(StaleVersion):
        services.set_up_body(
            actor=gw["officer"],
            via=Via.WEB,
            establishment=school,
            kind=BodyKind.IEB,
            places={},
            version=body.version,
            reason="Too late",
        )


def test_only_the_school_and_its_la_keep_its_body(gw):
    for outsider in (gw["chair"], gw["essex_officer"], gw["adviser"], gw["viewer"], gw["board"]):
        with pytest.raises(NotAllowed):
            services.set_up_body(
                actor=outsider,
                via=Via.WEB,
                establishment=gw.schools[0],
                kind=BodyKind.GOVERNING_BODY,
                places={},
            )


def test_places_are_for_the_constitution_only(gw):
    with pytest.raises(Refused, match="categories of the constitution"):
        services.set_up_body(
            actor=gw["officer"],
            via=Via.WEB,
            establishment=gw.schools[0],
            kind=BodyKind.GOVERNING_BODY,
            places={Category.ADDITIONAL: 2},
        )


def test_only_the_la_appoints_additional_governors_with_the_appointment(gw):
    body = services.set_up_body(
        actor=gw["officer"],
        via=Via.WEB,
        establishment=gw.schools[0],
        kind=BodyKind.GOVERNING_BODY,
        places={Category.PARENT: 2},
    )
    with pytest.raises(NotAllowed):
        _appoint(gw["head"], body, category=Category.ADDITIONAL, appointment="s.64")
    with pytest.raises(Refused, match="s.64 appointment"):
        _appoint(gw["officer"], body, category=Category.ADDITIONAL)
    governor = _appoint(
        gw["officer"],
        body,
        category=Category.ADDITIONAL,
        appointed_by="The LA",
        appointment="Appointed under s.64 on the warning notice of 1 September 2026",
    )
    assert governor.appointment.startswith("Appointed under s.64")


def test_a_new_chair_replaces_the_old_one(gw):
    body = services.set_up_body(
        actor=gw["officer"],
        via=Via.WEB,
        establishment=gw.schools[0],
        kind=BodyKind.GOVERNING_BODY,
        places={Category.CO_OPTED: 2},
    )
    old = _appoint(gw["head"], body, name="Old Chair", role=GovernorRole.CHAIR)
    _appoint(gw["head"], body, name="New Chair", role=GovernorRole.CHAIR)
    old.refresh_from_db()
    assert old.role == GovernorRole.MEMBER
    assert body.governors.get(role=GovernorRole.CHAIR).name == "New Chair"


def test_a_term_must_end_after_it_starts(gw):
    body = services.set_up_body(
        actor=gw["officer"],
        via=Via.WEB,
        establishment=gw.schools[0],
        kind=BodyKind.GOVERNING_BODY,
        places={},
    )
    with pytest.raises(Refused, match="must end on or after"):
        _appoint(gw["head"], body, term_ends_on=date(2026, 1, 1))


def test_training_attendance_adds_to_one_session(gw, bodies):
    first, second, _ = bodies
    one = first.governors.get(name="Parent 0")
    two = second.governors.get(name="Parent 1")
    for governor in (one, two):
        session = services.record_training(
            actor=gw["officer"],
            via=Via.WEB,
            la=gw.herts,
            title="Induction",
            kind="induction",
            held_on=date(2026, 10, 1),
            governors=[governor],
        )
    assert set(session.attendees.all()) == {one, two}
    with pytest.raises(NotAllowed):  # the head keeps only their own school's governors
        services.record_training(
            actor=gw["head"],
            via=Via.WEB,
            la=gw.herts,
            title="Safeguarding",
            kind="safeguarding",
            held_on=date(2026, 10, 2),
            governors=[two],
        )


def test_the_las_rating_is_the_las_with_evidence(gw, bodies):
    first = bodies[0]
    rating = {"body": first, "kind": ReviewKind.LA_RATING, "reviewed_on": date(2026, 11, 1)}
    with pytest.raises(NotAllowed):
        services.record_review(
            actor=gw["head"], via=Via.WEB, rating=Rating.STRONG, evidence="We are great", **rating
        )
    with pytest.raises(Refused, match="evidence"):
        services.record_review(
            actor=gw["officer"], via=Via.WEB, rating=Rating.WEAK, evidence=" ", **rating
        )
    services.record_review(
        actor=gw["officer"],
        via=Via.WEB,
        rating=Rating.WEAK,
        evidence="Minutes show no challenge on outcomes",
        **rating,
    )
    skills = services.record_review(
        actor=gw["head"],
        via=Via.WEB,
        body=first,
        kind=ReviewKind.SKILLS_AUDIT,
        reviewed_on=date(2026, 11, 2),
        evidence="Gaps in finance skills",
    )
    assert skills.rating == ""
