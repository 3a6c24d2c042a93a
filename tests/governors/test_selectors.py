from datetime import date

from uplift.audit.models import Via
from uplift.governors import selectors, services
from uplift.governors.models import Category

from .conftest import TODAY


def test_vacancies_and_expired_chair_need_attention(gw, bodies):
    first, second, third = bodies
    rows = {s.body.pk: s for s in selectors.standings(gw["officer"], day=TODAY)}
    assert (rows[first.pk].places, rows[first.pk].filled) == (10, 9)
    assert rows[first.pk].chair_term_expired
    assert rows[second.pk].vacancy_percent == 20  # exactly 20%: not over it
    assert rows[third.pk].vacancy_percent == 40
    attention = selectors.needing_attention(gw["officer"], day=TODAY)
    assert [s.body.pk for s in attention] == [first.pk, third.pk]
    assert rows[first.pk].reasons == ["the chair's term has expired"]
    assert rows[third.pk].reasons == ["40% of places vacant"]


def test_governors_beyond_their_places_and_s64_appointments_fill_no_vacancy(gw, bodies):
    _, _, third = bodies
    change = {"actor": gw["officer"], "via": Via.CLI}
    for name, category in (
        ("Extra Parent", Category.PARENT),
        ("Ali Additional", Category.ADDITIONAL),
    ):
        services.appoint_governor(
            body=third,
            name=name,
            category=category,
            appointed_by="The LA",
            starts_on=date(2026, 1, 1),
            term_ends_on=date(2027, 12, 31),
            appointment="Appointed under s.64 after the warning notice"
            if category == Category.ADDITIONAL
            else "",
            **change,
        )
    standing = selectors.standing_of(third, TODAY)
    assert standing.vacancies == 2
    assert [g.name for g in standing.statutory] == ["Ali Additional"]


def test_a_governor_who_left_leaves_a_vacancy(gw, bodies):
    first, _, _ = bodies
    parent = first.governors.get(name="Parent 0")
    services.governor_leaves(
        actor=gw["officer"],
        via=Via.CLI,
        governor=parent,
        left_on=date(2026, 11, 1),
        reason="Resigned",
    )
    assert selectors.standing_of(first, TODAY).vacancies == 2


def test_scope_of_each_role(gw, bodies):
    def schools(user):
        return sorted(s.body.establishment.urn for s in selectors.standings(user, day=TODAY))

    assert schools(gw["officer"]) == [117001, 117002, 117003]
    assert schools(gw["adviser"]) == [117001, 117002, 117003]
    assert schools(gw["viewer"]) == [117001, 117002, 117003]
    assert schools(gw["head"]) == [117001]
    assert schools(gw["chair"]) == [117002]
    assert schools(gw["essex_officer"]) == []
    assert schools(gw["board"]) == []
