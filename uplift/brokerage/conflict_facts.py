"""What the conflict rules ask about a school and the leaders considered for it, read in a
fixed number of queries: the supporting schools of each organisation, the trusts and
federations (and clusters) each school belongs to now, people linked to the schools, and
conflicts officers recorded."""

from django.db.models import Q
from django.utils import timezone

from uplift.brokerage.models import PersonLink, RecordedConflict
from uplift.schools.models import Establishment, GroupKind, GroupMembership


def _name_key(name: str) -> str:
    return " ".join((name or "").lower().split())


class ConflictFacts:
    def __init__(self, *, school, leaders, day=None):
        self.day = day or timezone.localdate()
        self.school = school
        leaders = list(leaders)
        org_groups = {
            ld.organisation.group_id for ld in leaders if ld.organisation.group_id is not None
        }
        members = self._current(GroupMembership.objects.filter(group_id__in=org_groups))
        group_schools: dict[int, set[int]] = {}
        for group_id, establishment_id in members.values_list("group_id", "establishment_id"):
            group_schools.setdefault(group_id, set()).add(establishment_id)
        self._schools = {}
        for leader in leaders:
            org = leader.organisation
            found = set(group_schools.get(org.group_id, set()))
            if org.establishment_id:
                found.add(org.establishment_id)
            self._schools[leader.pk] = found
        everyone = {school.pk} | set().union(*self._schools.values()) if leaders else {school.pk}
        self._groups = self._read_groups(everyone)
        self._org_groups = {
            ld.pk: (
                {(ld.organisation.group_id, ld.organisation.group.kind, ld.organisation.group.name)}
                if ld.organisation.group_id
                else set()
            )
            for ld in leaders
        }
        self._links = self._read_links(everyone)
        self._recorded = self._read_recorded(leaders)

    def _current(self, memberships):
        return memberships.filter(
            Q(joined_on__isnull=True) | Q(joined_on__lte=self.day),
            Q(left_on__isnull=True) | Q(left_on__gte=self.day),
        )

    def _read_groups(self, school_ids) -> dict[int, set[tuple]]:
        found: dict[int, set[tuple]] = {pk: set() for pk in school_ids}
        rows = self._current(GroupMembership.objects.filter(establishment_id__in=school_ids))
        for row in rows.values_list("establishment_id", "group_id", "group__kind", "group__name"):
            found[row[0]].add(row[1:])
        trusts = Establishment.objects.filter(pk__in=school_ids, trust__isnull=False)
        for row in trusts.values_list("pk", "trust_id", "trust__kind", "trust__name"):
            found[row[0]].add((row[1], GroupKind.TRUST, row[3]))
        return found

    def _read_links(self, school_ids) -> dict[int, list]:
        found: dict[int, list] = {pk: [] for pk in school_ids}
        links = PersonLink.objects.filter(establishment_id__in=school_ids).filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=self.day),
            Q(ends_on__isnull=True) | Q(ends_on__gte=self.day),
        )
        for link in links:
            found[link.establishment_id].append(link)
        return found

    def _read_recorded(self, leaders) -> list:
        return list(
            RecordedConflict.objects.filter(establishment=self.school)
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=self.day))
            .filter(
                Q(leader_id__in=[ld.pk for ld in leaders])
                | Q(organisation_id__in={ld.organisation_id for ld in leaders})
            )
        )

    # What the rules ask

    def schools_of(self, leader) -> set[int]:
        """The schools the leader's organisation is (a school) or runs (a trust or hub)."""
        return self._schools.get(leader.pk, set())

    def groups_of_leader(self, leader) -> set[tuple]:
        groups = set(self._org_groups.get(leader.pk, set()))
        for pk in self.schools_of(leader):
            groups |= self._groups.get(pk, set())
        return groups

    def shared_groups(self, leader, school, *, kinds) -> str:
        """The names of the groups of these kinds both sides belong to, or ""."""
        mine = {g for g in self.groups_of_leader(leader) if g[1] in kinds}
        theirs = {g for g in self._groups.get(school.pk, set()) if g[1] in kinds}
        shared = sorted({g[2] for g in mine & theirs})
        return " and ".join(shared)

    def person_linked(self, leader, school):
        """(person, role at the school, role at the supporter) of someone linked to both."""
        theirs = self._links.get(school.pk, [])
        mine = [link for pk in self.schools_of(leader) for link in self._links.get(pk, [])]
        leader_keys = self._keys_of_leader(leader)
        for link in theirs:
            keys = self._keys(link)
            if keys & leader_keys:
                return link.person_name, link.role, "the leader themself"
            for other in mine:
                if keys & self._keys(other):
                    return link.person_name, link.role, other.role
        return None

    def recorded(self, leader, school) -> str | None:
        for conflict in self._recorded:
            if conflict.leader_id == leader.pk or conflict.organisation_id == (
                leader.organisation_id
            ):
                return conflict.reason
        return None

    @staticmethod
    def _keys(link) -> set[tuple]:
        keys = {("name", _name_key(link.person_name))}
        if link.user_id:
            keys.add(("user", link.user_id))
        if link.leader_id:
            keys.add(("leader", link.leader_id))
        return keys

    @staticmethod
    def _keys_of_leader(leader) -> set[tuple]:
        keys = {("name", _name_key(leader.name)), ("leader", leader.pk)}
        if leader.user_id:
            keys.add(("user", leader.user_id))
        return keys
