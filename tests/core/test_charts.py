"""The SVG line chart: well-formed, accessible, deterministic, with gaps where data is missing."""

import re
import xml.etree.ElementTree as ET

import pytest

from uplift.core.charts import Series, line_chart_svg

SVG = "{http://www.w3.org/2000/svg}"
YEARS = ("2021-22", "2022-23", "2023-24")


def chart(series, **overrides) -> str:
    arguments = {
        "title": "Reading, writing and maths, 2021-22 to 2023-24",
        "years": YEARS,
        "series": series,
        "y_title": "Per cent",
        "chart_id": "chart-rwm",
        "described_by": "table-rwm",
    }
    return line_chart_svg(**{**arguments, **overrides})


def point_labels(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return [
        element.get("aria-label")
        for element in root.iter(f"{SVG}path")
        if element.get("aria-roledescription") == "point"
    ]


def line_paths(svg: str) -> dict[str, str]:
    """Each series' line, by series name: the path's drawing commands."""
    root = ET.fromstring(svg)
    return {
        element.get("aria-label").rsplit("series: ", 1)[1]: element.get("d")
        for element in root.iter(f"{SVG}path")
        if element.get("aria-roledescription") == "line mark"
    }


SCHOOL_LA_ENGLAND = [
    Series("School", (61, 58, 65)),
    Series("Hertfordshire", (60, 62, 63)),
    Series("England", (59, 60, 61)),
]


def test_chart_is_an_accessible_svg_image():
    svg = chart(SCHOOL_LA_ENGLAND)
    root = ET.fromstring(svg)  # parses as XML
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("id") == "chart-rwm"
    assert root.get("aria-labelledby") == "chart-rwm-title"
    assert root.get("aria-describedby") == "table-rwm"
    title = root[0]
    assert title.tag == f"{SVG}title" and title.get("id") == "chart-rwm-title"
    assert title.text == "Reading, writing and maths, 2021-22 to 2023-24"
    assert root.get("viewBox") and root.get("width") is None  # scales with its column


def test_chart_draws_every_point_of_every_series():
    labels = point_labels(chart(SCHOOL_LA_ENGLAND))
    assert len(labels) == 9
    for line in SCHOOL_LA_ENGLAND:
        for year, value in zip(YEARS, line.values, strict=True):
            assert f"Academic year: {year}; Per cent: {value}; series: {line.name}" in labels
    assert set(line_paths(chart(SCHOOL_LA_ENGLAND))) == {"School", "Hertfordshire", "England"}


def test_a_year_without_a_number_is_a_gap_not_a_zero():
    svg = chart([Series("School", (61, None, 65)), Series("England", (59, 60, 61))])
    labels = point_labels(svg)
    school = [label for label in labels if label.endswith("series: School")]
    assert len(school) == 2
    assert not any("2022-23" in label for label in school)
    assert not any("Per cent: 0;" in label for label in labels)
    # The school's line stops and starts again: two separate pieces, no line through 2022-23.
    school_line = line_paths(svg)["School"]
    assert len(re.findall(r"M", school_line)) == 2 and "L" not in school_line
    assert "L" in line_paths(svg)["England"]
    # The year stays on the axis.
    assert "3 values: 2021-22, 2022-23, 2023-24" in svg


def test_a_series_with_no_numbers_draws_nothing_but_keeps_the_axis():
    svg = chart([Series("School", (None, None, None)), Series("England", (59, 60, 61))])
    assert not [label for label in point_labels(svg) if "School" in label]
    assert "3 values: 2021-22, 2022-23, 2023-24" in svg


def test_labels_are_escaped():
    svg = chart(
        [Series('St Mary <b>&</b> "Joseph"', (1, 2, 3))],
        title="<script>alert(1)</script>",
    )
    root = ET.fromstring(svg)
    assert "<script>" not in svg and "<b>" not in svg
    assert root[0].text == "<script>alert(1)</script>"
    assert any('St Mary <b>&</b> "Joseph"' in label for label in point_labels(svg))


def test_output_is_deterministic():
    from uplift.core import charts

    first = chart(SCHOOL_LA_ENGLAND)
    charts._cached_chart.cache_clear()  # drawn again, not read from the cache
    assert chart(SCHOOL_LA_ENGLAND) == first
    other = chart(SCHOOL_LA_ENGLAND, chart_id="chart-other", described_by="")
    assert 'id="chart-other"' in other and "aria-describedby" not in other


def test_values_must_match_the_years():
    with pytest.raises(ValueError, match="3 years"):
        chart([Series("School", (1, 2))])


def test_a_chart_already_drawn_is_served_without_building_its_spec_again(monkeypatch):
    from uplift.core import charts

    built = []
    real_spec = charts._spec
    monkeypatch.setattr(charts, "_spec", lambda *args: built.append(args) or real_spec(*args))
    charts._cached_chart.cache_clear()
    series = [Series("Cache School", (11, 12, 13)), Series("England", (10, 10, 10))]
    first = chart(series, chart_id="chart-cached")
    # The same numbers given as a list are the same chart.
    again = chart([Series("Cache School", [11, 12, 13]), series[1]], chart_id="chart-cached")
    assert again == first and len(built) == 1


def test_a_change_in_any_number_or_name_draws_the_chart_again():
    base = [Series("Changing School", (50, 51, 52)), Series("England", (49, 50, 51))]
    first = chart(base, chart_id="chart-changing")
    new_number = chart(
        [Series("Changing School", (50, 51, 60)), base[1]], chart_id="chart-changing"
    )
    renamed = chart([Series("Renamed School", (50, 51, 52)), base[1]], chart_id="chart-changing")
    assert len({first, new_number, renamed}) == 3
    assert "Renamed School" in renamed and "Renamed School" not in first


def test_warm_up_starts_the_renderer_without_drawing_a_page_chart():
    from uplift.core import charts

    charts.warm_up()
    assert charts._engine.cache_info().currsize == 1
