from uplift.categorisation.rules.registry import register
from uplift.categorisation.rules.scales import REPORT_CARD, REPORT_CARD_AREAS, grade_label
from uplift.categorisation.rules.weakest_area import WeakestAreaAnchor


@register
class AnchorReportCard(WeakestAreaAnchor):
    """Ofsted anchor: the latest report card ({inspection}) has as its weakest evaluation
    area {area} at {grade}, which places the school in {after}."""

    code = "anchor_report_card"
    section = "report_card"
    anchor_order = 4
    title = "Report card evaluation areas (from November 2025)"
    scale = REPORT_CARD
    known_areas = REPORT_CARD_AREAS
    what = "report card grade"

    @classmethod
    def covers(cls, framework) -> bool:
        return framework.grade(REPORT_CARD[0]) is not None

    @classmethod
    def grade_text(cls, inspection, grade: str) -> str:
        return grade_label(inspection, grade).lower()

    @classmethod
    def key_text(cls, key: str) -> str:
        return key.replace("_", " ")
