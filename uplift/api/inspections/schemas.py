"""What the inspections endpoints take and answer."""

from datetime import date
from enum import Enum

from ninja import Field, Schema

from uplift.inspections import frameworks
from uplift.inspections.models import InspectionKind

FrameworkCode = Enum("FrameworkCode", {code: code for code, _ in frameworks.CHOICES}, type=str)


class InspectionQuery(Schema):
    la: str = Field("", description="DfE LA code of the school, e.g. 919")
    framework: FrameworkCode | None = Field(None, description="Framework code")
    kind: InspectionKind | None = None
    date_from: date | None = Field(None, description="Started on or after (YYYY-MM-DD)")
    date_to: date | None = Field(None, description="Started on or before (YYYY-MM-DD)")
