"""Threshold conditions: the small language a policy's thresholds are written in.

    {"measure": "ks2.PTRWM_EXP", "op": "<", "value": 65}                  latest result
    {"measure": "ks4.P8MEA", "op": "<", "value": -0.25, "statistic": "every_year", "years": 3}
    {"measure": "ks2.PTRWM_EXP", "op": "<", "value": -10, "statistic": "change", "years": 3}
        (latest: the newest result; every_year: each of the newest `years` results, unknown
        until there are that many; change: the newest minus the oldest of the newest `years`
        results, needing at least two)
    {"grade_in": ["3", "4", "needs_attention"]}     the criterion's inspection area grade
    {"all": [...]}, {"any": [...]}

A condition is true, false or unknown (None: no evidence to decide). `all` is false as soon as
one part is false, `any` true as soon as one part is true; otherwise unknown parts make the
whole unknown. Evaluating never touches the database.
"""

import operator
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from uplift.categorisation.evidence import EvidenceItem, SchoolEvidence, plain
from uplift.inspections import frameworks

OPERATORS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
STATISTICS = ("latest", "every_year", "change")
GRADE_CODES = tuple(dict.fromkeys(grade.code for fw in frameworks.FRAMEWORKS for grade in fw.scale))


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def validate(condition, *, path: str, criterion) -> list[Problem]:
    """The problems of a condition written for `criterion` (a definition.Criterion)."""
    if not isinstance(condition, dict) or len(condition) == 0:
        return [Problem(path, 'a condition must be an object such as {"measure": ...}')]
    if "all" in condition or "any" in condition:
        return _validate_group(condition, path=path, criterion=criterion)
    if "grade_in" in condition:
        return _validate_grades(condition, path=path, criterion=criterion)
    if "measure" in condition:
        return _validate_measure(condition, path=path, criterion=criterion)
    keys = ", ".join(sorted(condition))
    return [Problem(path, f"unknown condition ({keys}); use measure, grade_in, all or any")]


def _validate_group(condition, *, path, criterion) -> list[Problem]:
    if len(condition) != 1:
        return [Problem(path, "a group has one key, either all or any")]
    key, parts = next(iter(condition.items()))
    if key not in ("all", "any"):
        return [Problem(f"{path}.{key}", "unknown key; use all or any")]
    if not isinstance(parts, list) or not parts:
        return [Problem(f"{path}.{key}", "must be a non-empty list of conditions")]
    problems = []
    for index, part in enumerate(parts):
        problems += validate(part, path=f"{path}.{key}[{index}]", criterion=criterion)
    return problems


def _validate_grades(condition, *, path, criterion) -> list[Problem]:
    problems = _unexpected_keys(condition, {"grade_in"}, path)
    if criterion.source != "inspection":
        problems.append(
            Problem(
                f"{path}.grade_in",
                f"criterion {criterion.code} does not take the inspection as evidence",
            )
        )
    grades = condition["grade_in"]
    if not isinstance(grades, list) or not grades:
        return [*problems, Problem(f"{path}.grade_in", "must be a non-empty list of grades")]
    for index, grade in enumerate(grades):
        if grade not in GRADE_CODES:
            problems.append(
                Problem(
                    f"{path}.grade_in[{index}]",
                    f"unknown grade {grade!r}; grades are {', '.join(GRADE_CODES)}",
                )
            )
    return problems


def _validate_measure(condition, *, path, criterion) -> list[Problem]:
    allowed = {"measure", "op", "value", "statistic", "years"}
    problems = _unexpected_keys(condition, allowed, path)
    measure = condition.get("measure")
    if criterion.source != "data":
        problems.append(
            Problem(f"{path}.measure", f"criterion {criterion.code} does not take data as evidence")
        )
    elif measure not in criterion.measures:
        problems.append(
            Problem(
                f"{path}.measure",
                f"threshold on measure {measure!r}, which criterion {criterion.code} does not "
                f"take as evidence ({', '.join(criterion.measures)})",
            )
        )
    if condition.get("op") not in OPERATORS:
        problems.append(Problem(f"{path}.op", f"must be one of {' '.join(OPERATORS)}"))
    value = condition.get("value")
    if isinstance(value, list | dict) or _number(value) is None:
        problems.append(Problem(f"{path}.value", "must be a number"))
    statistic = condition.get("statistic", "latest")
    if statistic not in STATISTICS:
        problems.append(Problem(f"{path}.statistic", f"must be one of {', '.join(STATISTICS)}"))
    elif statistic != "latest":
        years = condition.get("years")
        if not isinstance(years, int) or isinstance(years, bool) or not 2 <= years <= 10:
            problems.append(Problem(f"{path}.years", f"{statistic} needs years from 2 to 10"))
    elif "years" in condition:
        problems.append(Problem(f"{path}.years", "only every_year and change take years"))
    return problems


def _unexpected_keys(condition, allowed, path) -> list[Problem]:
    return [Problem(f"{path}.{key}", "unknown key") for key in sorted(set(condition) - allowed)]


@lru_cache(maxsize=1024)
def _number(value) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


# Evaluation


class Verdict(NamedTuple):
    result: bool | None
    evidence: tuple[EvidenceItem, ...]


Check = Callable[[SchoolEvidence], Verdict]
UNKNOWN = Verdict(None, ())


def evaluate(condition: dict, *, evidence: SchoolEvidence, criterion) -> Verdict:
    return compile_condition(condition, criterion=criterion)(evidence)


def compile_condition(condition: dict, *, criterion) -> Check:
    """The (valid) condition as a function of a school's evidence, so that a policy run over
    thousands of schools reads each condition once."""
    if "all" in condition or "any" in condition:
        return _group(condition, criterion)
    if "grade_in" in condition:
        return _grades(condition, criterion)
    return _measure(condition)


def _group(condition, criterion) -> Check:
    key, parts = next(iter(condition.items()))
    checks = [compile_condition(part, criterion=criterion) for part in parts]
    decisive = key == "any"

    def check(evidence):
        verdicts = [part(evidence) for part in checks]
        items = _unique(item for verdict in verdicts for item in verdict.evidence)
        results = {verdict.result for verdict in verdicts}
        if decisive in results:
            return Verdict(decisive, items)
        return Verdict(None if None in results else not decisive, items)

    return check


def _grades(condition, criterion) -> Check:
    grades, areas = frozenset(condition["grade_in"]), criterion.areas

    def check(evidence):
        found = area_grade(evidence, areas)
        return UNKNOWN if found is None else Verdict(found.value in grades, (found,))

    return check


def area_grade(evidence: SchoolEvidence, areas) -> EvidenceItem | None:
    """The grade of the first of `areas` the latest inspection judged (overall effectiveness
    from the overall grade when it is not recorded as an area)."""
    inspection = evidence.inspection
    if inspection is None:
        return None
    for area in areas:
        grade = inspection.areas.get(area)
        if grade is None and area == "overall_effectiveness" and inspection.overall_grade:
            grade = str(inspection.overall_grade)
        if grade is not None:
            label = frameworks.framework(inspection.framework).area(area)
            return EvidenceItem(
                label=f"Inspection: {label.label if label else area}",
                value=grade,
                source=inspection.source,
            )
    return None


def _measure(condition) -> Check:
    code = condition["measure"]
    compare = OPERATORS[condition["op"]]
    threshold = _number(condition["value"])
    statistic = condition.get("statistic", "latest")
    years = condition.get("years", 1)

    def numbers(evidence):
        return [r for r in evidence.results.get(code, ()) if r.value is not None][:years]

    def latest(evidence):
        for result in evidence.results.get(code, ()):
            if result.value is not None:
                return Verdict(compare(result.value, threshold), (result.item(code),))
        return UNKNOWN

    def every_year(evidence):
        used = numbers(evidence)
        items = tuple(r.item(code) for r in used)
        if any(not compare(r.value, threshold) for r in used):
            return Verdict(False, items)
        return Verdict(True if len(used) == years else None, items)

    def change(evidence):
        used = numbers(evidence)
        items = tuple(r.item(code) for r in used)
        if len(used) < 2:
            return Verdict(None, items)
        difference = used[0].value - used[-1].value
        change_item = EvidenceItem(
            label=f"{code} change {used[-1].academic_year} to {used[0].academic_year}",
            value=plain(difference, sign=True),
            source=used[0].source,
        )
        return Verdict(compare(difference, threshold), (*items, change_item))

    return {"latest": latest, "every_year": every_year, "change": change}[statistic]


def _unique(items) -> tuple[EvidenceItem, ...]:
    """Each item once (the same result can serve two parts of a condition)."""
    return tuple({(item.label, item.value): item for item in items}.values())


def describe(condition: dict) -> str:
    """The condition in words, for the policy pages."""
    if "all" in condition or "any" in condition:
        key, parts = next(iter(condition.items()))
        joiner = " and " if key == "all" else " or "
        inner = joiner.join(describe(part) for part in parts)
        return f"({inner})" if len(parts) > 1 else inner
    if "grade_in" in condition:
        return "inspection grade is " + " or ".join(_grade_label(g) for g in condition["grade_in"])
    statistic = condition.get("statistic", "latest")
    text = f"{condition['measure']} {condition['op']} {condition['value']}"
    if statistic == "every_year":
        return f"{text} in each of the last {condition['years']} years"
    if statistic == "change":
        rest = f"{condition['op']} {condition['value']}"
        return f"change in {condition['measure']} over {condition['years']} years {rest}"
    return text


def _grade_label(code: str) -> str:
    for fw in reversed(frameworks.FRAMEWORKS):
        grade = fw.grade(code)
        if grade is not None:
            return f"{grade.label} ({code})" if code.isdigit() else grade.label
    return code
