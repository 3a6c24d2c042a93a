"""What-if: a policy version (usually a draft) tried on a round's schools, saving nothing."""

from dataclasses import dataclass

from uplift.categorisation.engine import Outcome, evaluate
from uplift.categorisation.models import Decision, PolicyVersion, Round
from uplift.categorisation.scope import EXCLUDE
from uplift.categorisation.selectors import gather_evidence, open_schools
from uplift.core.errors import Refused
from uplift.schools.models import Establishment


class WrongLocalAuthority(Refused, ValueError):
    pass


@dataclass(frozen=True)
class WhatIfChange:
    establishment: Establishment
    current: Outcome  # the round's policy version on today's evidence
    proposed: Outcome  # the version tried
    decided_category: str  # the officer's decision in the round, "" if none yet
    in_round: str = ""  # the round's proposal as saved, "" when it has none for the school

    @property
    def evidence_changed(self) -> bool:
        """Whether new evidence (a judgement, an inspection, results) changed the round's own
        proposal since it was saved."""
        return bool(self.in_round) and self.in_round != self.current.category


def what_if(*, round: Round, draft_version: PolicyVersion) -> list[WhatIfChange]:
    """The schools of the round whose category would change under `draft_version`, by name.
    Both versions run on the same evidence (read at the round's date, as it stands today),
    so a difference between them comes from the policy alone; a school is listed too when
    evidence recorded since the round's proposals (an officer's judgement, say) would change
    what the round proposed. The round's schools are those it categorised, or every school
    open on its date when it has none yet. Writes nothing."""
    if draft_version.policy.la_id != round.la_id:
        raise WrongLocalAuthority(f"{draft_version.policy} is not a policy of {round.la.name}")
    rows = {row.establishment_id: row for row in round.categorisations.all()}
    if rows:
        in_round = round.categorisations.values("establishment_id")
        schools = Establishment.objects.filter(pk__in=in_round).order_by("name", "urn")
    else:
        schools = open_schools(la=round.la, as_at=round.as_at)
    current_version = round.policy_version
    scope = draft_version.parsed.scope
    changes = []
    for school, evidence in gather_evidence(
        establishments=schools,
        policy_versions=[current_version, draft_version],
        as_at=round.as_at,
    ):
        if scope.footing(school) == EXCLUDE:
            continue  # the version tried leaves the school out
        current = evaluate(policy_version=current_version, evidence=evidence)
        proposed = evaluate(policy_version=draft_version, evidence=evidence)
        row = rows.get(school.pk)
        saved = row.proposed_category if row else ""
        if current.category != proposed.category or (row and saved != proposed.category):
            decided = row.final_category if row and row.decision != Decision.UNDECIDED else ""
            changes.append(WhatIfChange(school, current, proposed, decided, saved))
    return changes
