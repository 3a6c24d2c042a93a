"""Server-rendered SVG line charts: a few series over academic years.

vega-altair builds a Vega-Lite spec from plain data and vl-convert renders it to SVG in
process (no browser, no JavaScript on the page). The output is deterministic: the same
data gives the same text. A year without a number is a gap in its line, never a zero.

Finished charts are cached in the process keyed by everything they show (the school's and
its comparators' names and numbers, the years, the titles), so the key changes with any
import or edit that changes the chart and a hit neither builds nor validates the spec.
`warm_up()` starts the renderer; gunicorn.conf.py calls it once in each worker.
"""

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import altair as alt

SVG_NS = "http://www.w3.org/2000/svg"
FONT = "GDS Transport, arial, sans-serif"
TEXT_COLOUR = "#0b0c0c"
# GOV.UK colours. Each series also has its own dash and point shape, so that colour is
# never the only way to tell the lines apart.
SERIES_STYLES: tuple[tuple[str, tuple[int, int], str], ...] = (
    ("#1d70b8", (1, 0), "circle"),
    ("#d4351c", (8, 4), "square"),
    ("#505a5f", (2, 3), "triangle-up"),
    ("#00703c", (4, 2), "diamond"),
)
WIDTH, HEIGHT = 380, 220

ET.register_namespace("", SVG_NS)


@dataclass(frozen=True)
class Series:
    """One line: a name and one value per year (None where there is no number)."""

    name: str
    values: tuple[float | None, ...]


def line_chart_svg(
    *,
    title: str,
    years: Sequence[str],
    series: Sequence[Series],
    y_title: str,
    chart_id: str,
    described_by: str = "",
) -> str:
    """An accessible SVG line chart of `series` over `years` (oldest first): role="img",
    a <title> (id `<chart_id>-title`) naming it, and aria-describedby pointing at the
    element that gives the same figures in words (usually a table)."""
    if len(series) > len(SERIES_STYLES):
        raise ValueError(f"at most {len(SERIES_STYLES)} series, got {len(series)}")
    for line in series:
        if len(line.values) != len(years):
            raise ValueError(
                f"series {line.name!r} has {len(line.values)} values for {len(years)} years"
            )
    lines = tuple(Series(line.name, tuple(line.values)) for line in series)  # hashable
    return _cached_chart(title, tuple(years), lines, y_title, chart_id, described_by)


CHARTS_KEPT = 2048  # finished SVGs per process, about 15 KB each


@lru_cache(maxsize=CHARTS_KEPT)
def _cached_chart(
    title: str,
    years: tuple[str, ...],
    series: tuple[Series, ...],
    y_title: str,
    chart_id: str,
    described_by: str,
) -> str:
    spec = _spec(list(years), list(series), y_title)
    svg = _render(spec)
    return _make_accessible(svg, title=title, chart_id=chart_id, described_by=described_by)


def warm_up() -> None:
    """Start the renderer and altair's schema validation now (about 4 s the first time in
    a process) rather than in the first request that draws a chart."""
    spec = _spec(["2000-01", "2001-02"], [Series("Warm-up", (1.0, 2.0))], "Value")
    _render(spec)


def _spec(years: list[str], series: list[Series], y_title: str) -> dict:
    names = [line.name for line in series]
    styles = SERIES_STYLES[: len(series)]
    rows = [
        {"year": year, "series": line.name, "value": None if value is None else float(value)}
        for line in series
        for year, value in zip(years, line.values, strict=True)
    ]

    def scale(values) -> alt.Scale:
        return alt.Scale(domain=names, range=list(values))

    chart = (
        alt.Chart(alt.Data(values=rows))
        # Break the line at a missing value, keep the year on the axis.
        .mark_line(
            point={"size": 60, "filled": True}, strokeWidth=3, invalid="break-paths-show-domains"
        )
        .encode(
            x=alt.X(
                "year:O",
                title="Academic year",
                scale=alt.Scale(domain=years),
                axis=alt.Axis(labelAngle=0),
            ),
            y=alt.Y("value:Q", title=y_title, scale=alt.Scale(nice=5), axis=alt.Axis(tickCount=5)),
            # The same field and no title on all three: one legend, showing colour, dash and shape.
            color=alt.Color("series:N", title=None, scale=scale(s[0] for s in styles)),
            strokeDash=alt.StrokeDash(
                "series:N", title=None, scale=scale(list(s[1]) for s in styles)
            ),
            shape=alt.Shape("series:N", title=None, scale=scale(s[2] for s in styles)),
        )
        .properties(width=WIDTH, height=HEIGHT)
        .configure(font=FONT, background="white")
        .configure_axis(
            labelFontSize=14, titleFontSize=14, labelColor=TEXT_COLOUR, titleColor=TEXT_COLOUR
        )
        .configure_legend(
            orient="bottom",
            direction="vertical",
            labelFontSize=14,
            labelColor=TEXT_COLOUR,
            symbolSize=100,
            symbolStrokeWidth=1,
        )
        .configure_view(stroke=None)
    )
    return chart.to_dict()


@lru_cache(maxsize=1)
def _engine():
    """vl-convert, with the Vega-Lite version matching altair's schema. Its JavaScript
    engine starts on first use and then stays up for the life of the process."""
    import vl_convert

    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return vl_convert, f"{major}.{minor}"


def _render(spec: dict) -> str:
    """The SVG of a Vega-Lite spec."""
    converter, version = _engine()
    return converter.vegalite_to_svg(spec, vl_version=version)


def _make_accessible(svg: str, *, title: str, chart_id: str, described_by: str) -> str:
    root = ET.fromstring(svg)
    title_id = f"{chart_id}-title"
    for name in ("width", "height", "class"):
        root.attrib.pop(name, None)  # sized by its viewBox and the page's column
    root.set("id", chart_id)
    root.set("class", "app-chart")
    root.set("role", "img")
    root.set("focusable", "false")
    root.set("aria-labelledby", title_id)
    if described_by:
        root.set("aria-describedby", described_by)
    title_element = ET.Element(f"{{{SVG_NS}}}title", {"id": title_id})
    title_element.text = title
    root.insert(0, title_element)
    # Other libraries (openpyxl, for one) register their own default namespace in the same
    # process-wide table, which would turn every element into <ns0:svg>: claim it again.
    ET.register_namespace("", SVG_NS)
    return ET.tostring(root, encoding="unicode")
