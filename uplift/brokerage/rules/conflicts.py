"""Conflicts of interest that exclude a leader from supporting a school. `broken` gets the
leader, the school asking for support and a ConflictFacts (matching.py) read once for every
leader considered."""

from uplift.brokerage.rules import AGREE, CONFLICT, Rule, register


@register
class SupportsItself(Rule):
    """{leader} works for {school} itself."""

    code = "conflict_same_school"
    actions = (CONFLICT, AGREE)
    order = 10

    @classmethod
    def broken(cls, *, leader, school, facts, **_):
        if school.pk in facts.schools_of(leader):
            return {"leader": leader.name, "school": school.name}
        return None


@register
class SameTrust(Rule):
    """{leader}'s organisation and {school} are both in {trust}."""

    code = "conflict_same_trust"
    actions = (CONFLICT, AGREE)
    order = 20

    @classmethod
    def broken(cls, *, leader, school, facts, **_):
        shared = facts.shared_groups(leader, school, kinds=("trust",))
        return {"leader": leader.name, "school": school.name, "trust": shared} if shared else None


@register
class SameFederation(Rule):
    """{leader}'s school and {school} are in the same federation, {federation}."""

    code = "conflict_same_federation"
    actions = (CONFLICT, AGREE)
    order = 30

    @classmethod
    def broken(cls, *, leader, school, facts, **_):
        shared = facts.shared_groups(leader, school, kinds=("federation",))
        if not shared:
            return None
        return {"leader": leader.name, "school": school.name, "federation": shared}


@register
class PersonLinkedToBoth(Rule):
    """{person} is linked to both {school} ({here}) and {leader}'s organisation ({there})."""

    code = "conflict_person_linked"
    actions = (CONFLICT, AGREE)
    order = 40

    @classmethod
    def broken(cls, *, leader, school, facts, **_):
        found = facts.person_linked(leader, school)
        if found is None:
            return None
        person, here, there = found
        return {
            "leader": leader.name,
            "school": school.name,
            "person": person,
            "here": here,
            "there": there,
        }


@register
class RecordedConflictOfInterest(Rule):
    """A conflict of interest between {leader} and {school} is recorded: {reason}"""

    code = "conflict_recorded"
    actions = (CONFLICT, AGREE)
    order = 50

    @classmethod
    def broken(cls, *, leader, school, facts, **_):
        reason = facts.recorded(leader, school)
        if reason is None:
            return None
        return {"leader": leader.name, "school": school.name, "reason": reason}
