"""Evidence and definitions for the categorisation tests, built directly (no database)."""

import copy
from datetime import date, datetime
from decimal import Decimal

from uplift.categorisation.definition import parse_definition
from uplift.categorisation.evidence import (
    InspectionEvidence,
    JudgementEvidence,
    MeasureResult,
    SchoolEvidence,
    import_source,
    inspection_source,
    judgement_source,
)
from uplift.inspections import frameworks

LEVELS = ["strength", "secure", "concern"]
EVERY_PHASE = [
    "nursery",
    "primary",
    "secondary",
    "all_through",
    "special",
    "pru_ap",
    "16_plus",
    "other",
]

BASE = {
    "categories": [
        {"code": "A", "label": "A", "order": 1, "causing_concern": "no"},
        {"code": "B", "label": "B", "order": 2, "causing_concern": "no"},
        {"code": "C", "label": "C", "order": 3, "causing_concern": "maybe"},
        {"code": "D", "label": "D", "order": 4, "causing_concern": "yes"},
    ],
    "criteria": [
        {
            "code": "reading",
            "label": "Reading",
            "levels": LEVELS,
            "phases": ["primary"],
            "evidence": {"source": "data", "measures": ["ks2.PTRWM_EXP"]},
        },
        {
            "code": "attendance",
            "label": "Attendance",
            "levels": LEVELS,
            "phases": EVERY_PHASE,
            "evidence": {"source": "data", "measures": ["absence.PERCTOT"]},
        },
        {
            "code": "leadership",
            "label": "Leadership",
            "levels": LEVELS,
            "phases": EVERY_PHASE,
            "evidence": {
                "source": "inspection",
                "areas": ["leadership_governance", "leadership_management"],
            },
        },
        {
            "code": "capacity",
            "label": "Capacity",
            "levels": LEVELS,
            "phases": EVERY_PHASE,
            "evidence": {"source": "judgement"},
        },
    ],
    "thresholds": {
        "reading": {
            "levels": [
                {"level": "concern", "when": {"measure": "ks2.PTRWM_EXP", "op": "<", "value": 65}},
                {
                    "level": "strength",
                    "when": {"measure": "ks2.PTRWM_EXP", "op": ">=", "value": 80},
                },
            ],
            "otherwise": "secure",
        },
        "attendance": {
            "levels": [
                {
                    "level": "concern",
                    "when": {"measure": "absence.PERCTOT", "op": ">=", "value": 10},
                },
            ],
            "otherwise": "secure",
        },
        "leadership": {
            "levels": [
                {
                    "level": "concern",
                    "when": {"grade_in": ["3", "4", "needs_attention", "urgent_improvement"]},
                },
                {"level": "strength", "when": {"grade_in": ["1", "exceptional"]}},
            ],
            "otherwise": "secure",
        },
    },
    "rules": {
        "anchor": {
            "category_of_concern": {
                "special_measures": "D",
                "serious_weaknesses": "D",
                "notice_to_improve": "D",
                "requires_significant_improvement": "D",
            },
            "overall_grade": {"1": "A", "2": "B", "3": "C", "4": "D"},
            "sub_grades": {
                "areas": [
                    "quality_of_education",
                    "behaviour_attitudes",
                    "personal_development",
                    "leadership_management",
                ],
                "map": {"1": "A", "2": "B", "3": "C", "4": "D"},
            },
            "report_card": {
                "areas": [
                    "inclusion",
                    "curriculum_teaching",
                    "achievement",
                    "leadership_governance",
                ],
                "map": {
                    "exceptional": "A",
                    "strong": "B",
                    "expected": "B",
                    "needs_attention": "C",
                    "urgent_improvement": "D",
                },
            },
            "not_inspected": "B",
        },
        "adjustments": [],
    },
}


def base_definition(*adjustments) -> dict:
    """The small test policy (categories A to D), with these adjustments added."""
    definition = copy.deepcopy(BASE)
    definition["rules"]["adjustments"] = [copy.deepcopy(a) for a in adjustments]
    return definition


def parsed(*adjustments):
    return parse_definition(base_definition(*adjustments))


def inspection(
    framework="cif2015",
    *,
    overall=None,
    concern="",
    safeguarding="",
    areas=None,
    start=None,
    number="10000001",
):
    fw = frameworks.framework(framework)
    start = start or fw.starts
    return InspectionEvidence(
        framework=framework,
        start_date=start,
        number=number,
        overall_grade=overall,
        category_of_concern=concern,
        safeguarding=safeguarding,
        areas=dict(areas or {}),
        source=inspection_source(number=number, start_date=start, framework_name=fw.name),
    )


def results(**by_code) -> dict:
    """results(ks2__PTRWM_EXP=[("2023-24", 60), ("2022-23", 70)]) -> newest first as given."""
    found = {}
    for key, values in by_code.items():
        code = key.replace("__", ".")
        found[code] = tuple(
            MeasureResult(
                year,
                None if value is None else Decimal(str(value)),
                "SUPP" if value is None else "",
                import_source(file_name="file.csv", run_id=7, academic_year=year),
            )
            for year, value in values
        )
    return found


def judgement(criterion, value, *, by="olivia", on=datetime(2026, 7, 1, 12, 0)):
    return JudgementEvidence(
        criterion=criterion,
        value=value,
        evidence=f"{criterion} seen at the July visit",
        recorded_by=by,
        recorded_at=on,
        source=judgement_source(recorded_by=by, judged_on=on.date()),
    )


def school(
    *, phase="primary", inspection=None, results=None, judgements=(), urn=100001
) -> SchoolEvidence:
    return SchoolEvidence(
        establishment_id=urn,
        urn=urn,
        name=f"School {urn}",
        phase_group=phase,
        inspection=inspection,
        results=results or {},
        judgements={j.criterion: j for j in judgements},
    )


GOOD = inspection(overall=2)
ROUND_DAY = date(2026, 9, 1)
