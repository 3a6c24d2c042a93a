"""A policy's definition in words, section by section, for the policy pages."""

from dataclasses import dataclass

from uplift.categorisation.definition import Definition
from uplift.categorisation.rules import registry
from uplift.inspections import frameworks
from uplift.performance.catalogue import CATALOGUE
from uplift.schools.models import PhaseGroup

MEASURE_LABELS = {spec.code: spec.label for spec in CATALOGUE}
CONCERN_WORDS = {"yes": "Yes", "maybe": "May be", "no": "No"}
AREA_LABELS = {area.code: area.label for fw in frameworks.FRAMEWORKS for area in fw.areas}


@dataclass(frozen=True)
class CriterionRow:
    code: str
    label: str
    description: str
    phases: str
    evidence: str
    levels: str
    thresholds: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A matrix rule's table: the row criterion's levels down, the column's across."""

    rows_label: str
    columns_label: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class RuleRow:
    precedence: str
    name: str
    title: str
    text: str
    description: str = ""
    table: Table | None = None


@dataclass(frozen=True)
class Readable:
    categories: tuple
    criteria: tuple[CriterionRow, ...]
    anchor: tuple[RuleRow, ...]
    adjustments: tuple[RuleRow, ...]
    scope: tuple[str, ...] = ()


def readable(definition: Definition) -> Readable:
    return Readable(
        scope=tuple(definition.scope.sentences()),
        categories=tuple(
            {
                "code": c.code,
                "label": c.label,
                "order": c.order,
                "description": c.description,
                "causing_concern": CONCERN_WORDS[c.causing_concern],
            }
            for c in definition.categories
        ),
        criteria=tuple(_criterion(definition, c) for c in definition.criteria),
        anchor=tuple(
            RuleRow(
                "anchor",
                rule.section,
                rule.title,
                rule.describe(definition.anchor[rule.section], definition=definition),
            )
            for rule in registry.anchor_rules()
        ),
        adjustments=tuple(
            RuleRow(
                str(a.precedence),
                a.name,
                registry.get(a.rule).title,
                registry.get(a.rule).describe(a.params, definition=definition),
                a.description,
                _table(definition, a.params) if a.rule == "matrix" else None,
            )
            for a in definition.adjustments
        ),
    )


def _table(definition: Definition, params) -> Table:
    rows, columns = definition.criterion(params["rows"]), definition.criterion(params["columns"])
    return Table(
        rows_label=rows.label,
        columns_label=columns.label,
        columns=columns.levels,
        rows=tuple(
            (
                level,
                tuple(
                    definition.label(params["table"][level][column]) for column in columns.levels
                ),
            )
            for level in rows.levels
        ),
    )


def _criterion(definition: Definition, criterion) -> CriterionRow:
    if criterion.source == "data":
        evidence = "Imported data: " + "; ".join(
            f"{MEASURE_LABELS.get(code, code)} ({code})" for code in criterion.measures
        )
    elif criterion.source == "inspection":
        areas = ", ".join(AREA_LABELS.get(area, area) for area in criterion.areas)
        evidence = f"Latest inspection: {areas} (the first judged)"
    elif criterion.source == "early_warning":
        evidence = "Early warning: flagged by the risk model, unless an officer dismissed the flag"
    else:
        evidence = "Officer's judgement, recorded with its evidence"
    threshold = definition.thresholds.get(criterion.code)
    lines = []
    if threshold is not None:
        lines = [f"{level.level}: {level.text}" for level in threshold.levels]
        if threshold.otherwise:
            lines.append(f"{threshold.otherwise}: otherwise, when there is evidence")
    elif criterion.source == "judgement":
        lines = ["the level is the value the officer records"]
    elif criterion.source == "early_warning":
        lines = [
            f"{criterion.levels[-1]}: the school is flagged and no officer dismissed the flag",
            f"{criterion.levels[0]}: otherwise, when the school was scored",
        ]
    return CriterionRow(
        code=criterion.code,
        label=criterion.label,
        description=criterion.description,
        phases=", ".join(PhaseGroup(phase).label for phase in criterion.phases),
        evidence=evidence,
        levels=", ".join(criterion.levels),
        thresholds=tuple(lines),
    )
