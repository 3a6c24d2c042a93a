from uplift.categorisation.conditions import Problem
from uplift.categorisation.evidence import EvidenceItem
from uplift.categorisation.rules.base import Fired, Rule, check_category
from uplift.categorisation.rules.registry import register
from uplift.categorisation.rules.scales import CONCERNS
from uplift.inspections.models import CategoryOfConcern

GRADE_SECTIONS = {"overall_grade": None, "sub_grades": "map", "report_card": "map"}


@register
class AnchorCategoryOfConcern(Rule):
    """Ofsted anchor: the latest inspection ({inspection}) placed the school in {concern},
    which this policy places in {after}."""

    code = "anchor_category_of_concern"
    kind = "anchor"
    section = "category_of_concern"
    anchor_order = 1
    title = "Ofsted category of concern"

    @classmethod
    def validate(cls, params, *, definition, path):
        if not isinstance(params, dict):
            return [Problem(path, f"must map each category of concern ({', '.join(CONCERNS)})")]
        problems = [
            Problem(f"{path}.{key}", f"unknown category of concern; use {', '.join(CONCERNS)}")
            for key in sorted(set(params) - set(CONCERNS))
            if not key.startswith("\x00")
        ]
        problems += [Problem(path, f"{key} is not mapped") for key in CONCERNS if key not in params]
        for key in CONCERNS:
            if key in params:
                problems += check_category(params[key], definition=definition, path=f"{path}.{key}")
        if problems:
            return problems
        worst_graded = _worst_graded_rank(definition)
        for key in CONCERNS:
            if worst_graded is not None and definition.rank(params[key]) < worst_graded:
                problems.append(
                    Problem(
                        f"{path}.{key}",
                        f"a category of concern must not give a better category "
                        f"({params[key]}) than a graded outcome "
                        f"({definition.at_rank(worst_graded)})",
                    )
                )
        return problems

    @classmethod
    def apply(cls, context, params, *, name, category):
        inspection = context.evidence.inspection
        if inspection is None or inspection.category_of_concern not in params:
            return None
        concern = CategoryOfConcern(inspection.category_of_concern).label.lower()
        after = params[inspection.category_of_concern]
        return Fired(
            rule=cls.code,
            name=name,
            message=cls.message(
                inspection=inspection.source.label,
                concern=concern,
                after=context.definition.label(after),
            ),
            before=None,
            after=after,
            evidence=(EvidenceItem("Ofsted category of concern", concern, inspection.source),),
        )

    @classmethod
    def describe(cls, params, *, definition):
        return "; ".join(
            f"{CategoryOfConcern(key).label} → {definition.label(params[key])}" for key in CONCERNS
        )


def _worst_graded_rank(definition) -> int | None:
    """The worst category any grade maps to in the policy's other anchors (valid ones only)."""
    ranks = []
    for section, inner in GRADE_SECTIONS.items():
        mapping = definition.anchor.get(section)
        if isinstance(mapping, dict) and inner:
            mapping = mapping.get(inner)
        if isinstance(mapping, dict):
            ranks += [
                definition.rank(code)
                for code in mapping.values()
                if isinstance(code, str) and definition.category(code)
            ]
    return max(ranks) if ranks else None
