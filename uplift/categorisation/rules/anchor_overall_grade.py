from uplift.categorisation.evidence import EvidenceItem
from uplift.categorisation.rules.base import Fired, Rule, check_map
from uplift.categorisation.rules.registry import register
from uplift.categorisation.rules.scales import FOUR_POINT, framework_of, grade_label


@register
class AnchorOverallGrade(Rule):
    """Ofsted anchor: the latest graded inspection ({inspection}) judged overall
    effectiveness {grade}, which this policy places in {after}."""

    code = "anchor_overall_grade"
    kind = "anchor"
    section = "overall_grade"
    anchor_order = 2
    title = "Overall effectiveness grade (inspections to August 2024)"

    @classmethod
    def validate(cls, params, *, definition, path):
        return check_map(
            params, keys=FOUR_POINT, definition=definition, path=path, what="overall grade"
        )

    @classmethod
    def apply(cls, context, params, *, name, category):
        inspection = context.evidence.inspection
        if inspection is None or inspection.overall_grade is None:
            return None
        if not framework_of(inspection).has_overall_grade:
            return None
        code = str(inspection.overall_grade)
        grade = f"{grade_label(inspection, code)} ({code})"
        after = params[code]
        return Fired(
            rule=cls.code,
            name=name,
            message=cls.message(
                inspection=inspection.source.label,
                grade=grade,
                after=context.definition.label(after),
            ),
            before=None,
            after=after,
            evidence=(EvidenceItem("Overall effectiveness", grade, inspection.source),),
        )

    @classmethod
    def describe(cls, params, *, definition):
        return "; ".join(f"grade {key} → {definition.label(params[key])}" for key in FOUR_POINT)
