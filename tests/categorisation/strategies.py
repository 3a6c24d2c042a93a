"""Hypothesis strategies: random evidence of every shape a school can have."""

from datetime import datetime

from hypothesis import strategies as st

from tests.categorisation.builders import inspection, judgement, school
from uplift.categorisation.evidence import MeasureResult, import_source
from uplift.inspections import frameworks
from uplift.inspections.models import CategoryOfConcern, Safeguarding
from uplift.schools.models import PhaseGroup

YEARS = ["2023-24", "2022-23", "2021-22", "2018-19", "2017-18"]
CONCERNS = [value for value in CategoryOfConcern.values if value]


def grades_of(framework_code: str) -> list[str]:
    return [grade.code for grade in frameworks.framework(framework_code).scale]


@st.composite
def inspections(draw, framework=None):
    framework = framework or draw(st.sampled_from([f.code for f in frameworks.FRAMEWORKS]))
    fw = frameworks.framework(framework)
    grades = grades_of(framework)
    areas = draw(
        st.dictionaries(st.sampled_from([a.code for a in fw.areas]), st.sampled_from(grades))
    )
    overall = draw(st.none() | st.integers(1, 4)) if fw.has_overall_grade else None
    return inspection(
        framework,
        overall=overall,
        concern=draw(st.sampled_from(["", "", *CONCERNS])),
        safeguarding=draw(st.sampled_from(Safeguarding.values)),
        areas=areas,
    )


def measure_results():
    value = st.none() | st.decimals(-100, 100, places=2, allow_nan=False, allow_infinity=False)
    return st.lists(st.tuples(st.sampled_from(YEARS), value), max_size=4, unique_by=lambda t: t[0])


@st.composite
def evidence_for(draw, definition, urn: int):
    results = {}
    for code in sorted(definition.measure_codes()):
        rows = sorted(draw(measure_results()), key=lambda t: t[0], reverse=True)
        results[code] = tuple(
            MeasureResult(
                year,
                value,
                "SUPP" if value is None else "",
                import_source(file_name="f.csv", run_id=1, academic_year=year),
            )
            for year, value in rows
        )
    judgements = []
    for criterion in definition.criteria:
        if criterion.source == "judgement" and draw(st.booleans()):
            value = draw(st.sampled_from([*criterion.levels, "not a level"]))
            judgements.append(judgement(criterion.code, value, on=datetime(2026, 6, 1)))
    return school(
        urn=urn,
        phase=draw(st.sampled_from(PhaseGroup.values)),
        inspection=draw(st.none() | inspections()),
        results=results,
        judgements=judgements,
    )


def schools(definition):
    return st.integers(0, 12).flatmap(
        lambda n: st.tuples(*(evidence_for(definition, 100000 + i) for i in range(n)))
    )
