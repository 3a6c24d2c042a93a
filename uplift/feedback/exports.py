"""The roll-ups as one CSV (per provider, then per service), for the page's download and the
command line."""

from django.db.models import QuerySet

from uplift.core.csv_files import write_csv
from uplift.feedback.models import Survey
from uplift.feedback.selectors import rollup_of

HEADER = (
    "Grouped by",
    "Name",
    "Surveys sent",
    "Surveys answered",
    "Schools",
    "Mean rating (1 to 5)",
    "% agreeing",
)


def write_rollup_csv(stream, chosen: QuerySet[Survey]) -> None:
    rows = [
        (label, row.name, row.sent, row.answered, row.schools, row.average, row.agree_percent)
        for by, label in (("provider", "Provider"), ("service", "Service"))
        for row in rollup_of(chosen, by=by)
    ]
    write_csv(stream, HEADER, rows)
