"""`uplift import judgements FILE` (also `uplift judgements import FILE` and the upload
pages): officers' judgements, one row per school and criterion.

Columns: `URN`, `Criterion` (its name as the policy words it, or its code), `Judgement` (a
level on the criterion's scale), `Evidence`, and `Date` (when the judgement was made; today
if blank). Every row is checked against the school's LA's policies and the uploader's reach
before anything is written; one bad row rejects the file. A row whose judgement already
stands for the school (same level, evidence and date) is left unchanged, so importing a file
again adds nothing.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from uplift.audit.services import record_events
from uplift.categorisation.judgements.selectors import judged_criteria
from uplift.categorisation.judgements.services import check_judgement
from uplift.categorisation.models import OfficerJudgement
from uplift.core.errors import Refused
from uplift.imports.base import Importer
from uplift.imports.cells import Cells
from uplift.imports.errors import RowError
from uplift.imports.registry import register
from uplift.imports.sync import ADDED, UNCHANGED, Tally
from uplift.schools import access as schools_access
from uplift.schools.models import Establishment

URN, CRITERION, VALUE, EVIDENCE, DATE = "URN", "Criterion", "Judgement", "Evidence", "Date"
EVIDENCE_MAX_LENGTH = 5000
EARLIEST = date(2000, 1, 1)
REFUSAL_COLUMNS = {"not_on_scale": VALUE, "bad_date": DATE, "no_evidence": EVIDENCE}


@dataclass(frozen=True)
class JudgementRow:
    urn: int
    criterion: str
    value: str
    evidence: str
    judged_on: date | None


@register
class JudgementsImporter(Importer):
    name = "judgements"
    label = "Officers' judgements"
    description = (
        "Officers' judgements for the categorisation policy: one row per school and criterion, "
        "with columns URN, Criterion, Judgement, Evidence and Date (blank for today)."
    )
    required_columns = (URN, CRITERION, VALUE, EVIDENCE)

    def parse_row(self, cells: Cells) -> JudgementRow | None:
        urn = cells.urn(URN, required=True)
        criterion = cells.text(CRITERION, required=True, max_length=120)
        value = cells.text(VALUE, required=True, max_length=40)
        evidence = cells.text(EVIDENCE, required=True, max_length=EVIDENCE_MAX_LENGTH)
        judged_on = cells.date(DATE, earliest=EARLIEST, margin=timedelta(0))
        if cells.errors:
            return None
        return JudgementRow(urn, criterion, value, evidence, judged_on)

    def check_file(self, parsed: list[tuple[int, JudgementRow]]) -> list[RowError]:
        """Each school known and within the uploader's reach, each criterion asked for by its
        LA's policies, each level on the criterion's scale, each school and criterion once."""
        user = self.run.user if self.run is not None else None
        schools = Establishment.objects.filter(urn__in={row.urn for _, row in parsed})
        if user is not None:
            schools = schools_access.editable_establishments(user).filter(
                pk__in=schools.values("pk")
            )
        self.schools = {s.urn: s for s in schools.select_related("la")}
        criteria_of: dict[int | None, dict] = {}
        self.checked: list[tuple[int, Establishment, object]] = []
        errors, seen = [], {}
        for number, row in parsed:
            school = self.schools.get(row.urn)
            if school is None:
                reason = (
                    "no school with this URN that you may record judgements for"
                    if user is not None
                    else "no school with this URN in the register"
                )
                errors.append(self._error(number, URN, str(row.urn), reason))
                continue
            if school.la_id not in criteria_of:
                criteria_of[school.la_id] = judged_criteria(la=school.la) if school.la_id else {}
            try:
                checked = check_judgement(
                    criteria=criteria_of[school.la_id],
                    criterion=row.criterion,
                    value=row.value,
                    evidence=row.evidence,
                    judged_on=row.judged_on,
                )
            except Refused as refused:
                column = REFUSAL_COLUMNS.get(refused.code, CRITERION)
                value = {VALUE: row.value, DATE: str(row.judged_on or "")}.get(
                    column, row.criterion
                )
                errors.append(self._error(number, column, value, str(refused)))
                continue
            key = (row.urn, checked.criterion.code)
            if key in seen:
                errors.append(
                    self._error(
                        number,
                        CRITERION,
                        row.criterion,
                        f"this school's {checked.criterion.label.lower()} is already on row "
                        f"{seen[key]}",
                    )
                )
                continue
            seen[key] = number
            self.checked.append((number, school, checked))
        return errors

    def _error(self, number: int, column: str, value: str, reason: str) -> RowError:
        return RowError(self.table.file_name, number, column, value, reason)

    def write(self, parsed: list[tuple[int, JudgementRow]], tally: Tally) -> str:
        standing = self._standing()
        user = self.run.user if self.run is not None else None
        now = timezone.now()
        new = []
        for number, school, checked in self.checked:
            current = standing.get((school.pk, checked.criterion.code))
            if current == (checked.value, checked.evidence, checked.judged_on):
                tally.mark(number, UNCHANGED)
                continue
            tally.mark(number, ADDED)
            new.append(
                (
                    OfficerJudgement(
                        establishment=school,
                        criterion=checked.criterion.code,
                        value=checked.value,
                        evidence=checked.evidence,
                        judged_on=checked.judged_on,
                        recorded_by=user,
                        recorded_at=now,
                        import_run=self.run,
                    ),
                    current[0] if current else None,
                )
            )
        saved = OfficerJudgement.objects.bulk_create([judgement for judgement, _ in new])
        record_events(
            actor=user,
            via=self.run.via if self.run is not None else "cli",
            action="categorisation.judgement_recorded",
            actor_label=self.run.actor if self.run is not None else "",
            items=[
                (
                    judgement,
                    judgement.establishment,
                    {judgement.criterion: [before, judgement.value]},
                    judgement.evidence,
                )
                for judgement, (_, before) in zip(saved, new, strict=True)
            ],
        )
        return f"{len(saved)} judgement(s) recorded."

    def _standing(self) -> dict[tuple[int, str], tuple]:
        """The judgement that stands for each school and criterion of the file. One query."""
        found: dict[tuple[int, str], tuple] = {}
        rows = (
            OfficerJudgement.objects.filter(
                establishment_id__in=[school.pk for _, school, _ in self.checked],
                criterion__in={checked.criterion.code for _, _, checked in self.checked},
            )
            .order_by("establishment_id", "criterion", "-judged_on", "-recorded_at", "-id")
            .values_list("establishment_id", "criterion", "value", "evidence", "judged_on")
        )
        for school_id, criterion, value, evidence, judged_on in rows:
            found.setdefault((school_id, criterion), (value, evidence, judged_on))
        return found
