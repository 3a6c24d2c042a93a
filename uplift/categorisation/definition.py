"""A policy's definition: JSON in PolicyVersion.definition, checked into dataclasses here.

    {"categories": [{"code", "label", "order", "description", "causing_concern",
                     "support_offer" (optional), "visits_per_year" (optional)}, ...],
     "criteria": [{"code", "label", "description", "phases": [...], "levels": [best, ...],
                   "evidence": {"source": "data", "measures": [...]}
                             | {"source": "inspection", "areas": [...]}
                             | {"source": "judgement"}
                             | {"source": "early_warning"}}, ...],
     "thresholds": {criterion: {"levels": [{"level", "when": condition}, ...],
                                "otherwise": level}},
     "rules": {"anchor": {...}, "adjustments": [{"name", "rule", "precedence", "params"}]}}

Categories are ordered best first (order 1). A criterion gives the school one of its levels:
the value of the officer's judgement, the early warning's flag (its last level when the
school is flagged and no officer dismissed the flag, its first otherwise), or the first
threshold level whose condition holds (conditions.py), else `otherwise` when there was
evidence. The rules (rules/) combine them: the Ofsted anchor first, then each adjustment
from the lowest precedence to the highest.
Every problem is reported with the exact path of the value at fault.
"""

import json
import re
from dataclasses import dataclass, field

from uplift.categorisation import conditions
from uplift.categorisation.conditions import Problem
from uplift.categorisation.rules import registry
from uplift.categorisation.scope import Scope, parse_scope
from uplift.core.errors import Refused
from uplift.inspections import frameworks
from uplift.performance.catalogue import CATALOGUE
from uplift.schools.models import PhaseGroup

SECTIONS = ("categories", "criteria", "thresholds", "rules")
OPTIONAL_SECTIONS = ("scope",)  # who is categorised; the default when left out (scope.py)
CAUSING_CONCERN = ("yes", "maybe", "no")
SOURCES = ("data", "inspection", "judgement", "early_warning")
# Sources whose level is given, not worked out from thresholds.
GIVEN_LEVELS = ("judgement", "early_warning")
MEASURE_CODES = frozenset(spec.code for spec in CATALOGUE)
AREA_CODES = tuple(dict.fromkeys(a.code for fw in frameworks.FRAMEWORKS for a in fw.areas))
PHASES = tuple(PhaseGroup.values)
CATEGORY_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.+-]{0,19}")
CRITERION_CODE = re.compile(r"[a-z][a-z0-9_]{0,59}")
DUPLICATES = "\x00duplicate keys"
NOT_ENOUGH_EVIDENCE = "Not enough evidence: an officer decides"


class DefinitionInvalid(Refused):
    """The policy's definition has problems; each names its path."""

    code = "invalid_definition"

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(map(str, problems[:5])))


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    order: int
    description: str
    causing_concern: str
    support_offer: str = ""
    visits_per_year: int | None = None  # adviser visits a school of this category is entitled to


@dataclass(frozen=True)
class Criterion:
    code: str
    label: str
    description: str
    phases: tuple[str, ...]
    source: str
    measures: tuple[str, ...]
    areas: tuple[str, ...]
    levels: tuple[str, ...]  # best first

    def applies_to(self, phase_group: str) -> bool:
        return phase_group in self.phases


@dataclass(frozen=True)
class LevelCondition:
    level: str
    when: dict
    text: str  # the condition in words
    check: conditions.Check = field(compare=False, repr=False)


@dataclass(frozen=True)
class Threshold:
    criterion: str
    levels: tuple[LevelCondition, ...]
    otherwise: str | None


@dataclass(frozen=True)
class Adjustment:
    name: str
    rule: str
    precedence: int
    params: dict
    description: str = ""


@dataclass(frozen=True)
class Definition:
    categories: tuple[Category, ...]  # best first
    criteria: tuple[Criterion, ...]
    thresholds: dict[str, Threshold]
    anchor: dict
    adjustments: tuple[Adjustment, ...]  # by precedence
    scope: Scope = field(default_factory=lambda: parse_scope(None, []))
    raw: dict = field(compare=False, repr=False, default_factory=dict)

    def category(self, code: str) -> Category | None:
        return next((c for c in self.categories if c.code == code), None)

    def rank(self, code: str) -> int:
        """0 for the best category, 1 for the next..."""
        return next(i for i, c in enumerate(self.categories) if c.code == code)

    def at_rank(self, rank: int) -> str:
        return self.categories[max(0, min(rank, len(self.categories) - 1))].code

    def label(self, code: str | None) -> str:
        category = self.category(code) if code else None
        return category.label if category else (code or NOT_ENOUGH_EVIDENCE)

    def criterion(self, code: str) -> Criterion | None:
        return next((c for c in self.criteria if c.code == code), None)

    def measure_codes(self) -> set[str]:
        return {code for criterion in self.criteria for code in criterion.measures}

    def judgement_criteria(self) -> set[str]:
        return {c.code for c in self.criteria if c.source == "judgement"}

    def reads_early_warning(self) -> bool:
        return any(c.source == "early_warning" for c in self.criteria)


def load_json(text: str, *, path: str):
    """Parse JSON text, keeping duplicate keys visible to the checks (json would keep the
    last silently). Raises DefinitionInvalid with the line and column of a syntax error."""

    def pairs(items):
        seen, duplicates = {}, []
        for key, value in items:
            if key in seen:
                duplicates.append(key)
            seen[key] = value
        if duplicates:
            seen[DUPLICATES] = duplicates
        return seen

    try:
        return json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise DefinitionInvalid(
            [Problem(path, f"not valid JSON ({error.msg} at {where})")]
        ) from None


def parse_definition(data) -> Definition:
    """The checked definition; raises DefinitionInvalid listing every problem found."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise DefinitionInvalid([Problem("definition", "must be a JSON object")])
    problems += _duplicate_keys(data, "")
    known = SECTIONS + OPTIONAL_SECTIONS
    for key in sorted(set(data) - set(known) - {DUPLICATES}):
        problems.append(Problem(key, f"unknown section; the sections are {', '.join(known)}"))
    scope = parse_scope(data.get("scope"), problems)
    categories = _categories(data.get("categories"), problems)
    criteria = _criteria(data.get("criteria"), problems)
    thresholds = _thresholds(data.get("thresholds", {}), criteria, problems)
    rules = data.get("rules")
    if not isinstance(rules, dict):
        problems.append(Problem("rules", "must be an object with anchor and adjustments"))
        rules = {}
    for key in sorted(set(rules) - {"anchor", "adjustments", DUPLICATES}):
        problems.append(Problem(f"rules.{key}", "unknown key; use anchor and adjustments"))
    anchor = rules.get("anchor")
    if not isinstance(anchor, dict):
        problems.append(Problem("rules.anchor", "must be an object"))
        anchor = {}
    adjustments = _adjustments(rules.get("adjustments", []), problems)
    definition = Definition(
        categories=tuple(sorted(categories, key=lambda c: c.order)),
        criteria=tuple(criteria),
        thresholds=thresholds,
        anchor=anchor,
        adjustments=tuple(sorted(adjustments, key=lambda a: a.precedence)),
        scope=scope,
        raw=data,
    )
    problems += _rule_problems(definition, adjustments)
    if problems:
        raise DefinitionInvalid(problems)
    return definition


def _duplicate_keys(value, path: str) -> list[Problem]:
    problems = []
    if isinstance(value, dict):
        for key in value.get(DUPLICATES, []):
            problems.append(Problem(_join(path, key), "this key appears more than once"))
        for key, inner in value.items():
            if key != DUPLICATES:
                problems += _duplicate_keys(inner, _join(path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            problems += _duplicate_keys(inner, f"{path}[{index}]")
    return problems


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _text(item: dict, key: str, path: str, problems, *, required=True) -> str:
    value = item.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        problems.append(Problem(f"{path}.{key}", "enter some text" if required else "must be text"))
        return ""
    return value.strip()


def _objects(value, path: str, problems, *, minimum: int):
    if not isinstance(value, list) or len(value) < minimum:
        problems.append(Problem(path, f"must be a list of at least {minimum} objects"))
        return []
    good = []
    for index, item in enumerate(value):
        if isinstance(item, dict):
            good.append((f"{path}[{index}]", item))
        else:
            problems.append(Problem(f"{path}[{index}]", "must be an object"))
    return good


def _unknown_keys(item: dict, allowed: set[str], path: str, problems) -> None:
    for key in sorted(set(item) - allowed - {DUPLICATES}):
        problems.append(Problem(f"{path}.{key}", "unknown key"))


def _categories(value, problems) -> list[Category]:
    found, orders = {}, {}
    for path, item in _objects(value, "categories", problems, minimum=2):
        allowed = {
            "code",
            "label",
            "order",
            "description",
            "causing_concern",
            "support_offer",
            "visits_per_year",
        }
        _unknown_keys(item, allowed, path, problems)
        code = item.get("code")
        if not isinstance(code, str) or not CATEGORY_CODE.fullmatch(code):
            problems.append(
                Problem(f"{path}.code", "must be 1 to 20 letters, digits or _ . + - characters")
            )
            continue
        if code in found:
            problems.append(Problem(f"{path}.code", f"category {code!r} is defined twice"))
            continue
        order = item.get("order")
        if not isinstance(order, int) or isinstance(order, bool) or order < 1:
            problems.append(Problem(f"{path}.order", "must be a whole number from 1"))
            continue
        if order in orders:
            problems.append(
                Problem(f"{path}.order", f"{order} is also the order of category {orders[order]}")
            )
            continue
        concern = item.get("causing_concern")
        if concern not in CAUSING_CONCERN:
            problems.append(Problem(f"{path}.causing_concern", "must be yes, maybe or no"))
        orders[order] = code
        found[code] = Category(
            code=code,
            label=_text(item, "label", path, problems),
            order=order,
            description=_text(item, "description", path, problems, required=False),
            causing_concern=concern if concern in CAUSING_CONCERN else "no",
            support_offer=_text(item, "support_offer", path, problems, required=False),
            visits_per_year=_visits_per_year(item, path, problems),
        )
    return list(found.values())


MAX_VISITS_PER_YEAR = 200


def _visits_per_year(item: dict, path: str, problems) -> int | None:
    """The optional number of adviser visits a year the category entitles a school to."""
    if "visits_per_year" not in item:
        return None
    value = item["visits_per_year"]
    if (
        not isinstance(value, int)
        or isinstance(value, bool)
        or not 0 <= value <= MAX_VISITS_PER_YEAR
    ):
        problems.append(
            Problem(
                f"{path}.visits_per_year",
                f"must be a whole number from 0 to {MAX_VISITS_PER_YEAR}",
            )
        )
        return None
    return value


def _criteria(value, problems) -> list[Criterion]:
    found = {}
    for path, item in _objects(value, "criteria", problems, minimum=0):
        allowed = {"code", "label", "description", "phases", "levels", "evidence"}
        _unknown_keys(item, allowed, path, problems)
        code = item.get("code")
        if not isinstance(code, str) or not CRITERION_CODE.fullmatch(code):
            problems.append(
                Problem(f"{path}.code", "must start with a-z and use a-z, 0-9 and _ (up to 60)")
            )
            continue
        if code in found:
            problems.append(Problem(f"{path}.code", f"criterion {code!r} is defined twice"))
            continue
        phases = _codes(item.get("phases"), f"{path}.phases", PHASES, "phase", problems)
        levels = item.get("levels")
        if (
            not isinstance(levels, list)
            or not levels
            or not all(isinstance(level, str) and level for level in levels)
        ):
            problems.append(Problem(f"{path}.levels", "must be a non-empty list of level names"))
            levels = []
        elif len(set(levels)) != len(levels):
            problems.append(Problem(f"{path}.levels", "each level may appear once"))
        source, measures, areas = _evidence(item.get("evidence"), f"{path}.evidence", problems)
        if source == "early_warning" and isinstance(levels, list) and len(levels) != 2:
            problems.append(
                Problem(
                    f"{path}.levels",
                    "an early-warning criterion has two levels: not flagged first, then flagged",
                )
            )
        found[code] = Criterion(
            code=code,
            label=_text(item, "label", path, problems),
            description=_text(item, "description", path, problems, required=False),
            phases=phases,
            source=source,
            measures=measures,
            areas=areas,
            levels=tuple(levels),
        )
    return list(found.values())


def _codes(value, path, known, what, problems) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        problems.append(Problem(path, f"must be a non-empty list of {what} codes"))
        return ()
    good = []
    for index, code in enumerate(value):
        if code in known:
            good.append(code)
        else:
            problems.append(
                Problem(f"{path}[{index}]", f"unknown {what} {code!r}; known: {', '.join(known)}")
            )
    return tuple(good)


def _evidence(value, path, problems) -> tuple[str, tuple, tuple]:
    if not isinstance(value, dict):
        problems.append(Problem(path, "must be an object with a source"))
        return "judgement", (), ()
    source = value.get("source")
    if source not in SOURCES:
        problems.append(Problem(f"{path}.source", f"must be one of {', '.join(SOURCES)}"))
        return "judgement", (), ()
    measures = areas = ()
    if source == "data":
        _unknown_keys(value, {"source", "measures"}, path, problems)
        given = value.get("measures")
        if not isinstance(given, list) or not given:
            problems.append(Problem(f"{path}.measures", "must be a non-empty list of measures"))
        else:
            for index, code in enumerate(given):
                if code not in MEASURE_CODES:
                    problems.append(
                        Problem(
                            f"{path}.measures[{index}]",
                            f"unknown measure {code!r}; use a code of the performance "
                            "catalogue such as ks2.PTRWM_EXP",
                        )
                    )
            measures = tuple(code for code in given if code in MEASURE_CODES)
    elif source == "inspection":
        _unknown_keys(value, {"source", "areas"}, path, problems)
        areas = _codes(value.get("areas"), f"{path}.areas", AREA_CODES, "inspection area", problems)
    else:
        _unknown_keys(value, {"source"}, path, problems)
    return source, measures, areas


def _thresholds(value, criteria, problems) -> dict[str, Threshold]:
    if not isinstance(value, dict):
        problems.append(Problem("thresholds", "must be an object keyed by criterion code"))
        return {}
    by_code = {c.code: c for c in criteria}
    found = {}
    for code, spec in value.items():
        if code == DUPLICATES:
            continue
        path = f"thresholds.{code}"
        criterion = by_code.get(code)
        if criterion is None:
            problems.append(Problem(path, f"threshold for unknown criterion {code!r}"))
            continue
        if criterion.source in GIVEN_LEVELS:
            given = (
                "an officer's judgement: its level is the value recorded"
                if criterion.source == "judgement"
                else "the early warning's flag: its level is flagged or not"
            )
            problems.append(Problem(path, f"{code} takes {given}, so it has no thresholds"))
            continue
        if not isinstance(spec, dict):
            problems.append(Problem(path, "must be an object with levels"))
            continue
        _unknown_keys(spec, {"levels", "otherwise"}, path, problems)
        found[code] = _threshold(criterion, spec, path, problems)
    for criterion in criteria:
        if criterion.source not in GIVEN_LEVELS and criterion.code not in value:
            problems.append(
                Problem(
                    f"thresholds.{criterion.code}",
                    "missing: without thresholds this criterion never gives a level",
                )
            )
    return found


def _threshold(criterion, spec, path, problems) -> Threshold:
    levels, seen_levels, seen_conditions = [], {}, {}
    for item_path, item in _objects(spec.get("levels"), f"{path}.levels", problems, minimum=1):
        _unknown_keys(item, {"level", "when"}, item_path, problems)
        level = item.get("level")
        if level not in criterion.levels:
            problems.append(
                Problem(
                    f"{item_path}.level",
                    f"{level!r} is not a level of {criterion.code} ({', '.join(criterion.levels)})",
                )
            )
            continue
        if level in seen_levels:
            problems.append(
                Problem(
                    f"{item_path}.level",
                    f"{level} is already given by {seen_levels[level]}; join the conditions "
                    "with any",
                )
            )
            continue
        when = item.get("when")
        condition_problems = conditions.validate(
            when, path=f"{item_path}.when", criterion=criterion
        )
        problems += condition_problems
        if condition_problems:
            continue
        key = json.dumps(when, sort_keys=True)
        if key in seen_conditions:
            problems.append(
                Problem(
                    f"{item_path}.when",
                    f"overlapping rules: the same condition as {seen_conditions[key]}, which "
                    "is checked first, so this level is never given",
                )
            )
            continue
        seen_levels[level] = item_path
        seen_conditions[key] = item_path
        levels.append(
            LevelCondition(
                level,
                when,
                conditions.describe(when),
                conditions.compile_condition(when, criterion=criterion),
            )
        )
    otherwise = spec.get("otherwise")
    if otherwise is not None and otherwise not in criterion.levels:
        problems.append(
            Problem(
                f"{path}.otherwise",
                f"{otherwise!r} is not a level of {criterion.code} ({', '.join(criterion.levels)})",
            )
        )
        otherwise = None
    return Threshold(criterion.code, tuple(levels), otherwise)


def _adjustments(value, problems) -> list[Adjustment]:
    found, names, precedences = [], {}, {}
    for path, item in _objects(value, "rules.adjustments", problems, minimum=0):
        _unknown_keys(item, {"name", "rule", "precedence", "params", "description"}, path, problems)
        name = item.get("name")
        if not isinstance(name, str) or not CRITERION_CODE.fullmatch(name):
            problems.append(Problem(f"{path}.name", "must start with a-z and use a-z, 0-9 and _"))
            continue
        if name in names:
            problems.append(Problem(f"{path}.name", f"{name!r} is also the name of {names[name]}"))
            continue
        precedence = item.get("precedence")
        if not isinstance(precedence, int) or isinstance(precedence, bool):
            problems.append(Problem(f"{path}.precedence", "must be a whole number"))
            continue
        if precedence in precedences:
            problems.append(
                Problem(
                    f"{path}.precedence",
                    f"overlapping rules: {precedence} is also the precedence of "
                    f"{precedences[precedence]}; give each rule its own so the order is explicit",
                )
            )
            continue
        params = item.get("params", {})
        if not isinstance(params, dict):
            problems.append(Problem(f"{path}.params", "must be an object"))
            continue
        names[name] = path
        precedences[precedence] = name
        found.append(
            Adjustment(
                name=name,
                rule=item.get("rule") if isinstance(item.get("rule"), str) else "",
                precedence=precedence,
                params=params,
                description=item.get("description", "")
                if isinstance(item.get("description"), str)
                else "",
            )
        )
    return found


def _rule_problems(definition: Definition, adjustments: list[Adjustment]) -> list[Problem]:
    if not definition.categories:
        return []  # every rule names categories: nothing more to check against
    problems = []
    anchor = definition.anchor
    sections = {rule.section for rule in registry.anchor_rules()}
    for key in sorted(set(anchor) - sections - {DUPLICATES}):
        problems.append(
            Problem(f"rules.anchor.{key}", f"unknown key; use {', '.join(sorted(sections))}")
        )
    for rule in registry.anchor_rules():
        problems += rule.validate(
            anchor.get(rule.section), definition=definition, path=f"rules.anchor.{rule.section}"
        )
    paths = {adjustment.name: index for index, adjustment in enumerate(adjustments)}
    adjustment_rules = {rule.code: rule for rule in registry.adjustment_rules()}
    valid = []
    for adjustment in adjustments:
        path = f"rules.adjustments[{paths[adjustment.name]}]"
        rule = adjustment_rules.get(adjustment.rule)
        if rule is None:
            problems.append(
                Problem(
                    f"{path}.rule",
                    f"unknown rule {adjustment.rule!r}; "
                    f"rules: {', '.join(sorted(adjustment_rules))}",
                )
            )
            continue
        rule_problems = rule.validate(
            adjustment.params, definition=definition, path=f"{path}.params"
        )
        problems += rule_problems
        if not rule_problems:
            valid.append((path, adjustment, rule))
    for index, (path, adjustment, rule) in enumerate(valid):
        for _, earlier, _ in valid[:index]:
            clash = rule.overlap(adjustment.params, earlier, definition=definition)
            if clash:
                problems.append(Problem(path, f"overlapping rules with {earlier.name}: {clash}"))
    return problems
