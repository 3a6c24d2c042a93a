"""What the reports endpoints take and answer."""

from datetime import date
from enum import Enum

from ninja import Field, Schema

from uplift.reports.attainment import KEY_STAGES
from uplift.reports.forms import PHASE_CHOICES
from uplift.reports.ofsted_summary import ALL_PHASES

PhaseChoice = Enum("PhaseChoice", {value: value for value, _ in PHASE_CHOICES}, type=str)
KeyStage = Enum("KeyStage", {code: code for code in KEY_STAGES}, type=str)


class AsAtQuery(Schema):
    as_at: date | None = Field(None, description="Figures as at this day (YYYY-MM-DD); today")


class ReportCardQuery(AsAtQuery):
    phase: PhaseChoice = Field(ALL_PHASES, description="A reported phase, or all")


class AttainmentQuery(Schema):
    key_stage: KeyStage = Field("ks2", description="ks2 or ks4")


class LaOut(Schema):
    code: str
    name: str


class GradeOut(Schema):
    grade: str
    label: str
    schools: int
    schools_pct: float | None
    pupils: int
    pupils_pct: float | None


class PhaseOut(Schema):
    phase: str
    label: str
    schools: int
    pupils: int
    schools_without_pupil_number: int
    grades: list[GradeOut]
    good_or_better_schools_pct: float | None = Field(
        description="Of the schools with an overall grade"
    )
    good_or_better_pupils_pct: float | None


class SourceOut(Schema):
    framework: str
    framework_name: str
    confirmed_by_ungraded_inspection: bool
    counts: dict[str, int] = Field(description="Schools by grade key")


class OfstedSummaryOut(Schema):
    la: LaOut
    as_at: date
    phases: list[PhaseOut]
    all_phases: PhaseOut
    sources: list[SourceOut]
    not_counted: int = Field(description="Open establishments outside the reported phases")


class AreaGradeOut(Schema):
    grade: str
    label: str
    schools: int
    schools_pct: float | None
    pupils: int
    pupils_pct: float | None


class AreaOut(Schema):
    area: str
    label: str
    grades: list[AreaGradeOut]


class FrameworkAreasOut(Schema):
    framework: str
    framework_name: str
    schools: int
    pupils: int
    areas: list[AreaOut]
    safeguarding: dict[str, int]


class ReportCardAreasOut(Schema):
    la: LaOut
    as_at: date
    phase: str
    frameworks: list[FrameworkAreasOut]


class RankedOut(Schema):
    la: LaOut
    value: float
    rank: int


class TargetOut(Schema):
    id: int
    name: str
    measure: str
    indicator: str | None
    phase: str
    comparison: str
    period: str
    value: float | None
    threshold: float | None
    margin: float | None = Field(description="How far better than the target; negative: gap")
    met: bool | None
    rank: int | None
    of: int | None
    top_quartile_places: int | None
    neighbours: list[RankedOut]
    note: str


class TargetsOut(Schema):
    la: LaOut
    as_at: date
    targets: list[TargetOut]


class DistributionOut(Schema):
    schools: int
    suppressed: int
    lowest: float | None
    lower_quartile: float | None
    median: float | None
    upper_quartile: float | None
    highest: float | None
    at_or_better_than_england: int | None


class FigureOut(Schema):
    value: float | None
    suppression: str


class AttainmentYearOut(Schema):
    academic_year: str
    la: FigureOut | None
    england: FigureOut | None
    difference: float | None
    schools: DistributionOut


class AttainmentMeasureOut(Schema):
    code: str
    label: str
    unit: str
    polarity: str
    years: list[AttainmentYearOut]


class AttainmentOut(Schema):
    la: LaOut
    key_stage: str
    measures: list[AttainmentMeasureOut]


class RoundQuery(Schema):
    round: str = Field("", description="Round code, e.g. 2026-autumn; the newest by default")


class PriorityQuery(AsAtQuery, RoundQuery):
    pass


class RoundOut(Schema):
    code: str
    status: str
    as_at: date


class CategoryOut(Schema):
    category: str
    label: str
    causing_concern: str
    schools: int
    schools_pct: float | None
    pupils: int
    pupils_pct: float | None


class PhaseCategoriesOut(Schema):
    phase: str
    label: str
    schools: int
    pupils: int
    causing_concern: int
    categories: list[CategoryOut]


class CategoriesOut(Schema):
    la: LaOut
    round: RoundOut
    phases: list[PhaseCategoriesOut]
    all_phases: PhaseCategoriesOut
    not_counted: int


class PriorityOut(Schema):
    priority: int
    priority_label: str
    urn: int
    name: str
    phase: str
    latest_inspection: str
    inspected_on: date | None
    framework: str
    category: str
    previous_category: str
    movement: str


class LaRecordQuery(Schema):
    la: str = Field(description="The DfE LA code, e.g. 919")
    dates: str = Field(
        "",
        description="Up to six dates, YYYY-MM-DD, separated by commas; by default three "
        "dates the LA's inspections allow",
    )


class RecordFiguresOut(Schema):
    day: date
    schools: int | None
    schools_pct: float | None
    pupils: int | None
    pupils_pct: float | None


class RecordLineOut(Schema):
    group: str = Field(description="The phase, or the framework and evaluation area")
    label: str = Field(description="The outcome or grade")
    at: list[RecordFiguresOut] = Field(description="One per date; null figures where none")


class RecordTargetOut(Schema):
    name: str
    at: list[dict] = Field(description="Per date: day, period, value, threshold, met")


class TransitionRowOut(Schema):
    category: str
    label: str
    to: dict[str, int] = Field(description="Schools by their category in the later round")
    schools: int


class TransitionOut(Schema):
    earlier_round: str
    later_round: str
    rows: list[TransitionRowOut]


class LaRecordOut(Schema):
    la: LaOut
    dates: list[date]
    ofsted_outcomes: list[RecordLineOut]
    good_or_better: list[RecordLineOut] = Field(
        description="Per phase: schools_pct and pupils_pct are the % good or outstanding"
    )
    report_card_areas: list[RecordLineOut]
    targets: list[RecordTargetOut]
    category_transition: TransitionOut | None = Field(
        description="Between the LA's last two published rounds; null with fewer"
    )
