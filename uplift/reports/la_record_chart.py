"""The chart of the LA's targets over the record's dates: one line per target measured in
percent (at most four, the chart's limit), with the table beside it on the page."""

from uplift.core.charts import SERIES_STYLES, Series, line_chart_svg
from uplift.core.dates import long_date


def targets_chart(record) -> str:
    """The SVG, or "" when no target has a figure at any date."""
    lines = [line for line in record.target_lines if line.unit == "%"][: len(SERIES_STYLES)]
    series = [
        Series(
            line.name,
            tuple(None if s.value is None else float(s.value) for s in line.cells),
        )
        for line in lines
    ]
    if not any(value is not None for line in series for value in line.values):
        return ""
    return line_chart_svg(
        title=f"{record.la.name}'s targets over time",
        years=[long_date(day) for day in record.dates],
        series=series,
        y_title="Per cent",
        chart_id="targets-chart",
        described_by="targets-table",
    )
