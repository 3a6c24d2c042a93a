"""What the letters endpoints take and answer."""

from datetime import date, datetime

from ninja import Field, Schema

from uplift.api.schemas import SchoolRef
from uplift.casework.models import SendingMethod


class LetterOut(Schema):
    id: int
    case_id: int
    school: SchoolRef
    kind: str
    kind_label: str
    subject: str
    body: str | None = Field(description="The letter's text (not in lists)")
    addressed_to: str
    template_id: int | None
    template_version: int | None
    generated_at: datetime
    generated_by: str | None
    sent: bool
    sent_on: date | None
    sent_method: str
    sent_to: str
    sent_by: str | None
    pdf: str = Field(description="API address of the letter's PDF")


class NewLetterIn(Schema):
    template_id: int = Field(description="One of the LA's letter templates")
    note: str = Field("", description="Why the letter is written now (kept in the history)")


class SendingIn(Schema):
    sent_on: date
    method: SendingMethod
    sent_to: str = Field(
        "", description="Who received it; for email, addresses besides the head's and chair's"
    )
    email: bool = Field(
        True, description="With the method email: Uplift emails the PDF (false: only logs it)"
    )
