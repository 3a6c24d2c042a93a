"""The impact page's figures in words, with a chart per measure and its table beside it."""

from dataclasses import dataclass

from django.utils.safestring import mark_safe

from uplift.core.charts import Series, line_chart_svg
from uplift.impact.matching import MeasureResult
from uplift.impact.pieces import Piece


@dataclass(frozen=True)
class MeasureView:
    result: MeasureResult
    label: str
    slug: str
    rows: tuple[tuple[str, str, str], ...]  # (what, supported, similar schools)
    periods: str
    svg: str


def number(value, places: int) -> str:
    if value is None:
        return "No figure"
    text = f"{value:.{places}f}"
    return text if text.strip("-0.") else text.lstrip("-")


def signed(value, places: int) -> str:
    if value is None:
        return "No figure"
    if round(value, places) == 0:
        return f"{0:.{places}f}"
    return ("up " if value > 0 else "down ") + f"{abs(value):.{places}f}"


def measure_views(piece: Piece, results: list[MeasureResult], *, charts=True) -> list[MeasureView]:
    views = []
    for result in results:
        o = result.outcome
        places = max(o.places, 1)  # means of grades need a decimal place
        supported = "This school" if len(piece.school_ids) == 1 else "Schools supported"
        rows = (
            ("Before", number(result.before, places), number(result.comparison_before, places)),
            ("After", number(result.after, places), number(result.comparison_after, places)),
            ("Change", signed(result.change, places), signed(result.comparison_change, places)),
        )
        first = result.with_figures[0] if result.with_figures else None
        periods = f"Before: {first.before_period}; after: {first.after_period}." if first else ""
        slug = f"{o.key.replace('_', '-')}"
        svg = ""
        if charts and result.with_figures:
            svg = mark_safe(  # noqa: S308 - line_chart_svg builds the SVG from escaped labels
                line_chart_svg(
                    title=f"{o.label}: before and after, against similar schools",
                    years=["Before", "After"],
                    series=[
                        Series(supported, (result.before, result.after)),
                        Series(
                            "Similar schools",
                            (result.comparison_before, result.comparison_after),
                        ),
                    ],
                    y_title="Value",
                    chart_id=f"chart-{slug}",
                    described_by=f"table-{slug}",
                )
            )
        views.append(MeasureView(result, o.label, slug, rows, periods, svg))
    return views
