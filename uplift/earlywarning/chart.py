"""The backtest's chart: the share of declines found by the model and each simple rule, at
each share of schools flagged. An SVG drawn by vega-altair and vl-convert, as elsewhere."""

import altair as alt

from uplift.earlywarning.backtest import Backtest


def recall_chart_svg(result: Backtest) -> str:
    rows = [
        {
            "flagged": f"{row['share']:.0%}",
            "ranking": row["ranking"],
            "found": round(row["recall_declines"] * 100, 1),
        }
        for row in result.rows
    ]
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            x=alt.X("flagged:O", title="Share of schools flagged", axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("ranking:N"),
            y=alt.Y("found:Q", title="Declines found (%)"),
            color=alt.Color("ranking:N", title=None),
        )
        .properties(
            width=420,
            height=240,
            title=f"Declines found, inspections {result.as_at:%B %Y} to {result.until:%B %Y}",
        )
        .configure(font="GDS Transport, arial, sans-serif", background="white")
        .configure_legend(orient="bottom", direction="vertical")
    )
    import vl_convert

    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    return vl_convert.vegalite_to_svg(chart.to_dict(), vl_version=f"{major}.{minor}")
