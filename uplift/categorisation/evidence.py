"""The evidence a policy reads about one school, as plain values with their sources.

The selector (selectors.gather_evidence) builds these from the database; the engine reads
them without touching it, and the tests and the benchmark build them directly.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from uplift.imports.sources import describe_source


class SourceKind:
    IMPORT = "import"
    INSPECTION = "inspection"
    JUDGEMENT = "judgement"
    EARLY_WARNING = "early_warning"


@dataclass(frozen=True)
class Source:
    """Where a value came from, as a person reads it, with the identifiers behind it."""

    kind: str
    label: str
    reference: tuple[tuple[str, str], ...] = ()

    def as_json(self) -> dict:
        return {"kind": self.kind, "label": self.label, **dict(self.reference)}


class EvidenceItem(NamedTuple):
    """One value a rule or threshold used."""

    label: str
    value: str
    source: Source

    def as_json(self) -> dict:
        return {"label": self.label, "value": self.value, "source": self.source.as_json()}


@dataclass(frozen=True)
class MeasureResult:
    academic_year: str
    value: Decimal | None  # None when the file gave a suppression code instead
    suppression: str
    source: Source

    shown: str = field(init=False, compare=False, repr=False)  # the value as a person reads it

    def __post_init__(self):
        shown = plain(self.value) if self.value is not None else f"no number ({self.suppression})"
        object.__setattr__(self, "shown", shown)

    def item(self, code: str) -> EvidenceItem:
        return EvidenceItem(f"{code} {self.academic_year}", self.shown, self.source)


def plain(number: Decimal, *, sign: bool = False) -> str:
    """A decimal as a person writes it: 90 not 90.0000, -2.5 not -2.5000."""
    text = format(number.normalize(), "f")
    if text in ("-0", "+0"):
        text = "0"
    return f"+{text}" if sign and not text.startswith("-") and text != "0" else text


@dataclass(frozen=True)
class InspectionEvidence:
    framework: str  # a code of uplift.inspections.frameworks
    start_date: date
    number: str
    overall_grade: int | None
    category_of_concern: str  # a CategoryOfConcern value, "" for none
    safeguarding: str  # a Safeguarding value
    areas: dict[str, str]  # area code -> grade code on the framework's scale
    source: Source


@dataclass(frozen=True)
class JudgementEvidence:
    criterion: str
    value: str
    evidence: str
    recorded_by: str
    recorded_at: datetime
    source: Source


@dataclass(frozen=True)
class EarlyWarningEvidence:
    """The school's assessment in the early warning's current run, and the officer's review
    that stands (if any)."""

    flagged: bool
    dismissed: bool
    risk: float
    reason: str  # the model's first reason, or the officer's for dismissing the flag
    source: Source


@dataclass(frozen=True)
class SchoolEvidence:
    establishment_id: int
    urn: int
    name: str
    phase_group: str  # a schools.PhaseGroup value
    inspection: InspectionEvidence | None = None
    results: dict[str, tuple[MeasureResult, ...]] = field(default_factory=dict)  # newest first
    judgements: dict[str, JudgementEvidence] = field(default_factory=dict)
    early_warning: EarlyWarningEvidence | None = None


def import_source(
    *, file_name: str, run_id: int | None, academic_year: str, importer: str = "", options=None
) -> Source:
    """A value from an imported file, named as a person would ("DfE performance tables
    2018/19, key stage 2"); the file and run stay in the reference for those who trace it."""
    words = describe_source(importer=importer, file_name=file_name, options=options)
    if words == "an imported file":
        words = f"DfE {academic_year} data" if academic_year else "data imported from a file"
    return Source(
        SourceKind.IMPORT,
        words,
        (("import_run", str(run_id or "")), ("file", file_name), ("year", academic_year)),
    )


def inspection_source(
    *, number: str, start_date: date, framework_name: str, file_name: str = ""
) -> Source:
    numbered = f"Ofsted inspection {number}" if number else "Ofsted inspection"
    label = f"{numbered} of {start_date:%-d %B %Y} ({framework_name})"
    if file_name:
        label += f", from {describe_source(importer='ofsted', file_name=file_name)}"
    return Source(
        SourceKind.INSPECTION,
        label,
        (("inspection_number", number), ("date", start_date.isoformat())),
    )


def judgement_source(*, recorded_by: str, judged_on: date) -> Source:
    return Source(
        SourceKind.JUDGEMENT,
        f"Officer judgement by {recorded_by or 'a former user'}, {judged_on:%-d %B %Y}",
        (("recorded_by", recorded_by), ("judged_on", judged_on.isoformat())),
    )


def early_warning_source(*, scored_on: date, reviewed_by: str, reviewed_on: date | None) -> Source:
    label = f"Early warning, scored as at {scored_on:%-d %B %Y}"
    if reviewed_on is not None:
        label += f"; flag dismissed by {reviewed_by or 'a former user'}, {reviewed_on:%-d %B %Y}"
    return Source(SourceKind.EARLY_WARNING, label, (("scored_on", scored_on.isoformat()),))
