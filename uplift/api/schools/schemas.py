"""What the schools endpoints take and answer."""

from ninja import Field, Schema

from uplift.directory.school_list import SORTS, Outcome
from uplift.performance.models import Dataset

OUTCOMES = "; ".join(f"{value} = {label}" for value, label in Outcome.CHOICES)


class SchoolQuery(Schema):
    """The school list page's filters. As on the page, unknown values are ignored."""

    q: str = Field("", description="Name (any part) or URN")
    la: str = Field("", description="DfE LA code, e.g. 919")
    phase_group: str = Field("", description="nursery, primary, secondary, special ...")
    type: str = Field("", description="Establishment type as in GIAS, e.g. Academy converter")
    outcome: str = Field("", description=f"Latest graded inspection's outcome: {OUTCOMES}")
    trust: str = Field("", description="Trust id (see a school's trust.id)")
    group: str = Field("", description="Group id: schools that are members today")
    status: str = Field("", description="GIAS status, e.g. Open")
    sort: str = Field(
        "name", description=f"One of {', '.join(SORTS)}; a leading - reverses the order"
    )


class PerformanceQuery(Schema):
    dataset: Dataset | None = Field(None, description="Only this dataset's measures")
    years: int = Field(3, ge=1, le=10, description="Most recent academic years per measure")
