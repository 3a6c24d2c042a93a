"""The performance-table measures Uplift keeps: the headline figures an LA reports on.

Each measure is one column of a DfE performance-tables download ("Compare school and
college performance"). KS2 labels are DfE's own, from the KS2 metadata file (ks2_meta.csv,
2024-25 edition); the others follow the wording of DfE's KS4, census and absence guidance.
A measure's code is `<dataset>.<column>`, since some columns (PTFSM6CLA1A) appear in more
than one dataset with a different meaning.
"""

from dataclasses import dataclass

from uplift.imports.sync import Record, Tally, sync_records
from uplift.imports.values import PERCENTAGE, STORED_FIGURE, Bounds, bounds
from uplift.performance.models import Dataset, Measure, Polarity, Unit

HIGH, LOW, NEUTRAL = Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER, Polarity.NEUTRAL
PERCENT, SCORE, COUNT, POUNDS = Unit.PERCENT, Unit.SCORE, Unit.COUNT, Unit.POUNDS
COUNT_CEILING = 100_000_000  # England's pupils are some 9 million
COUNT_BOUNDS = bounds(0, COUNT_CEILING, whole=True, what="a count")


@dataclass(frozen=True)
class MeasureSpec:
    dataset: str
    source_column: str
    label: str
    unit: str
    polarity: str
    decimal_places: int
    score_range: tuple[float, float] | None = None  # the least and greatest a value can be
    # Read from DfE performance-tables downloads by `uplift import performance`; measures
    # added for mapped files (`uplift import measures`) only are not (yet) read there.
    in_tables: bool = True

    @property
    def code(self) -> str:
        return f"{self.dataset}.{self.source_column}"

    @property
    def key_stage(self) -> str:
        return {Dataset.KS2: "KS2", Dataset.KS4: "KS4"}.get(self.dataset, "")

    @property
    def bounds(self) -> Bounds:
        """What a value of this measure may be: counts whole and not negative, percentages
        0-100, scores within the measure's range."""
        if self.unit == PERCENT:
            return PERCENTAGE
        if self.unit == COUNT:
            return COUNT_BOUNDS
        if self.score_range:
            return bounds(*self.score_range, what=f"the {self.label[0].lower()}{self.label[1:]}")
        return STORED_FIGURE

    def as_values(self) -> dict:
        return {
            "code": self.code,
            "dataset": self.dataset,
            "source_column": self.source_column,
            "label": self.label,
            "key_stage": self.key_stage,
            "unit": self.unit,
            "polarity": self.polarity,
            "decimal_places": self.decimal_places,
        }


def _ks2(column, label, unit=PERCENT, polarity=HIGH, places=0, score_range=None, tables=True):
    return MeasureSpec(Dataset.KS2, column, label, unit, polarity, places, score_range, tables)


def _ks4(column, label, unit=PERCENT, polarity=HIGH, places=1, score_range=None, tables=True):
    return MeasureSpec(Dataset.KS4, column, label, unit, polarity, places, score_range, tables)


def _cfr(column, label, polarity=NEUTRAL):
    return MeasureSpec(Dataset.CFR, column, label, POUNDS, polarity, 0, MONEY, False)


# Score ranges. KS2 scaled scores run from 80 to 120, so a progress score (a pupil's score
# less the estimate for pupils like them) lies within 40 of zero. Attainment 8 counts ten
# grades of at most 9 (English and maths twice): 0 to 90; Progress 8 is a tenth of the
# difference of two of those (within 9 of zero; its confidence limits a little wider); the
# EBacc average point score is on the 9 to 1 scale.
SCALED_SCORE = (80, 120)
KS2_PROGRESS = (-40, 40)
ATTAINMENT_8 = (0, 90)
PROGRESS_8 = (-10, 10)
PROGRESS_8_LIMIT = (-15, 15)
POINT_SCORE = (0, 9)
# A school's income, spending and balance in a year, in pounds: the largest schools' are
# tens of millions; CFR returns include negative totals (corrections), so both signs.
MONEY = (-1_000_000_000, 1_000_000_000)


RWM = "reading, writing and maths"

CATALOGUE: tuple[MeasureSpec, ...] = (
    _ks2("TELIG", "Published eligible pupil number", COUNT, NEUTRAL),
    _ks2("PTFSM6CLA1A", "Percentage of key stage 2 disadvantaged pupils", polarity=NEUTRAL),
    _ks2("PTRWM_EXP", f"Percentage of pupils reaching the expected standard in {RWM}"),
    _ks2(
        "PTRWM_HIGH",
        "Percentage of pupils achieving a high score in reading and maths and working at "
        "greater depth in writing",
    ),
    _ks2(
        "PTRWM_EXP_FSM6CLA1A",
        f"Percentage of disadvantaged pupils reaching the expected standard in {RWM}",
    ),
    _ks2("READPROG", "Reading progress measure", SCORE, places=1, score_range=KS2_PROGRESS),
    _ks2("WRITPROG", "Writing progress measure", SCORE, places=1, score_range=KS2_PROGRESS),
    _ks2("MATPROG", "Maths progress measure", SCORE, places=1, score_range=KS2_PROGRESS),
    _ks2("PTREAD_EXP", "Percentage of pupils reaching the expected standard in reading"),
    _ks2("PTWRITTA_EXP", "Percentage of pupils reaching the expected standard in writing"),
    _ks2("PTMAT_EXP", "Percentage of pupils reaching the expected standard in maths"),
    _ks2(
        "PTGPS_EXP",
        "Percentage of pupils reaching the expected standard in grammar, punctuation and spelling",
    ),
    _ks2("READ_AVERAGE", "Average scaled score in reading", SCORE, score_range=SCALED_SCORE),
    _ks2("MAT_AVERAGE", "Average scaled score in maths", SCORE, score_range=SCALED_SCORE),
    _ks2(
        "GPS_AVERAGE",
        "Average scaled score in grammar, punctuation and spelling",
        SCORE,
        score_range=SCALED_SCORE,
    ),
    _ks4("TPUP", "Number of pupils at the end of key stage 4", COUNT, NEUTRAL, 0),
    _ks4("PTFSM6CLA1A", "Percentage of key stage 4 disadvantaged pupils", polarity=NEUTRAL),
    _ks4("ATT8SCR", "Average Attainment 8 score per pupil", SCORE, score_range=ATTAINMENT_8),
    _ks4("P8MEA", "Progress 8 measure", SCORE, places=2, score_range=PROGRESS_8),
    _ks4("P8CILOW", "Progress 8 lower confidence limit", SCORE, NEUTRAL, 2, PROGRESS_8_LIMIT),
    _ks4("P8CIUPP", "Progress 8 upper confidence limit", SCORE, NEUTRAL, 2, PROGRESS_8_LIMIT),
    _ks4("PTL2BASICS_94", "Percentage of pupils achieving grade 4 or above in English and maths"),
    _ks4("PTL2BASICS_95", "Percentage of pupils achieving grade 5 or above in English and maths"),
    _ks4(
        "EBACCAPS",
        "Average EBacc average point score per pupil",
        SCORE,
        places=2,
        score_range=POINT_SCORE,
    ),
    _ks4("PTEBACC_E_PTQ_EE", "Percentage of pupils entering the English Baccalaureate"),
    _ks4(
        "ATT8SCR_FSM6CLA1A",
        "Average Attainment 8 score per disadvantaged pupil",
        SCORE,
        score_range=ATTAINMENT_8,
    ),
    _ks4(
        "P8MEA_FSM6CLA1A",
        "Progress 8 measure for disadvantaged pupils",
        SCORE,
        places=2,
        score_range=PROGRESS_8,
    ),
    _ks2("PTREAD_HIGH", "Percentage of pupils achieving a high score in reading", tables=False),
    _ks2("PTMAT_HIGH", "Percentage of pupils achieving a high score in maths", tables=False),
    _ks2(
        "PTWRITTA_HIGH",
        "Percentage of pupils working at greater depth within the expected standard in writing",
        tables=False,
    ),
    _ks4(
        "PTEBACC_95",
        "Percentage of pupils achieving the English Baccalaureate at grade 5 or above in "
        "English and maths",
        tables=False,
    ),
    _cfr("INCOME", "Total income"),
    _cfr("EXPENDITURE", "Total expenditure"),
    _cfr("BALANCE", "In-year balance (income less expenditure)", HIGH),
    MeasureSpec(Dataset.CENSUS, "NOR", "Number of pupils on roll", COUNT, NEUTRAL, 0),
    MeasureSpec(
        Dataset.CENSUS,
        "PNUMFSMEVER",
        "Percentage of pupils eligible for free school meals at any time in the last 6 years",
        PERCENT,
        NEUTRAL,
        1,
    ),
    MeasureSpec(
        Dataset.CENSUS, "PSENELK", "Percentage of pupils on SEN support", PERCENT, NEUTRAL, 1
    ),
    MeasureSpec(
        Dataset.CENSUS,
        "PSENELSE",
        "Percentage of pupils with an education, health and care plan",
        PERCENT,
        NEUTRAL,
        1,
    ),
    MeasureSpec(
        Dataset.CENSUS,
        "PNUMEAL",
        "Percentage of pupils whose first language is known or believed to be other than English",
        PERCENT,
        NEUTRAL,
        1,
    ),
    MeasureSpec(Dataset.ABSENCE, "PERCTOT", "Percentage of overall absence", PERCENT, LOW, 1),
    MeasureSpec(
        Dataset.ABSENCE,
        "PPERSABS10",
        "Percentage of pupils who are persistently absent (10% or more of sessions missed)",
        PERCENT,
        LOW,
        1,
    ),
)

# Columns whose presence marks a file as one dataset's: a file with none of them is
# another dataset's file. Shared columns (PTFSM6CLA1A, PSENELK) never identify a dataset.
IDENTIFYING_COLUMNS: dict[str, tuple[str, ...]] = {
    Dataset.KS2: ("PTRWM_EXP", "READPROG", "WRITPROG", "MATPROG", "READ_AVERAGE"),
    Dataset.KS4: ("ATT8SCR", "P8MEA", "PTL2BASICS_94", "PTL2BASICS_95"),
    Dataset.CENSUS: ("NOR", "PNUMFSMEVER", "PNUMEAL"),
    Dataset.ABSENCE: ("PERCTOT", "PPERSABS10"),
}


def measures_of(dataset: str) -> tuple[MeasureSpec, ...]:
    """The measures a performance-tables download of `dataset` gives."""
    return tuple(spec for spec in CATALOGUE if spec.dataset == dataset and spec.in_tables)


BY_CODE: dict[str, MeasureSpec] = {spec.code: spec for spec in CATALOGUE}


def sync_measures(specs=CATALOGUE) -> dict[str, Measure]:
    """Create or update the catalogue's Measure rows in bulk; returns them by code."""
    codes = [spec.code for spec in specs]
    existing = {(m.code,): m for m in Measure.objects.filter(code__in=codes)}
    records = [Record(0, (spec.code,), spec.as_values()) for spec in specs]
    saved = sync_records(Measure, records, existing=existing, tally=Tally())
    return {code: measure for (code,), measure in saved.items()}
