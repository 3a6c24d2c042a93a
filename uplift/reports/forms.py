"""The report pages' choices (the "as at" date, the phase, the key stage) and the target form."""

from datetime import date

from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone

from uplift.core.forms import DateField
from uplift.performance.models import Level, Measure, Result
from uplift.reports.as_at import PHASE_LABELS, REPORTED_PHASES
from uplift.reports.attainment import KEY_STAGE_LABELS
from uplift.reports.models import Comparison, ReportTarget, TargetMeasure
from uplift.reports.ofsted_summary import ALL_PHASES, ALL_PHASES_LABEL
from uplift.reports.targets import LA_SEGMENTS

DATE_PARTS = ("day", "month", "year")
PHASE_CHOICES = [
    (ALL_PHASES, ALL_PHASES_LABEL),
    *((phase.value, PHASE_LABELS[phase.value]) for phase in REPORTED_PHASES),
]


class ReportForm(forms.Form):
    """A report's choices, read from the query string. The date comes as day, month and
    year boxes (the page's form) or as `as_at=YYYY-MM-DD` (links, the CSV); without either
    it is today."""

    as_at = DateField(
        what="the date", label="Figures as at", help_text="For example, 31 5 2026", required=True
    )
    phase = forms.ChoiceField(label="Phase", choices=PHASE_CHOICES, required=False)
    key_stage = forms.ChoiceField(
        label="Key stage", choices=list(KEY_STAGE_LABELS.items()), required=False
    )

    def __init__(self, query):
        data = query.copy()
        if not any(f"as_at_{part}" in query for part in DATE_PARTS):
            given = query.get("as_at", "").strip()
            day = timezone.localdate()
            parts = given.split("-") if given else [str(day.year), str(day.month), str(day.day)]
            if len(parts) != 3:
                parts = ["", "", given]
            year, month, day_of_month = parts
            data.update({"as_at_day": day_of_month, "as_at_month": month, "as_at_year": year})
        super().__init__(data)

    def choice(self, name: str, default: str) -> str:
        return self.cleaned_data.get(name) or default

    @property
    def day(self) -> date:
        return self.cleaned_data["as_at"]


def indicator_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """Measures with LA figures, grouped by dataset, for the target form. One query."""
    la_figures = Result.objects.filter(
        measure_id=OuterRef("pk"), level=Level.LA, segment__in=LA_SEGMENTS
    )
    measures = Measure.objects.filter(Exists(la_figures)).order_by("dataset", "label", "code")
    groups: dict[str, list[tuple[str, str]]] = {}
    for measure in measures:
        groups.setdefault(measure.get_dataset_display(), []).append(
            (measure.code, f"{measure.label} ({measure.code})")
        )
    return list(groups.items())


class TargetForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=ReportTarget._meta.get_field("name").max_length,
        help_text="For example, At least 75% of schools good or better",
        error_messages={"required": "Enter the target's name"},
    )
    measure = forms.ChoiceField(
        label="Measure",
        choices=[("", "Choose a measure"), *TargetMeasure.choices],
        error_messages={"required": "Choose the measure"},
    )
    phase_group = forms.ChoiceField(
        label="Phase (Ofsted measures only)",
        choices=[("", ALL_PHASES_LABEL), *PHASE_CHOICES[1:]],
        required=False,
    )
    indicator = forms.ChoiceField(
        label="Indicator (indicator targets only)", choices=(), required=False
    )
    academic_year = forms.CharField(
        label="Year (indicator targets only)",
        help_text="As the data writes it, for example 2024 or 2023-24. Leave blank for the latest.",
        max_length=9,
        required=False,
    )
    comparison = forms.ChoiceField(
        label="Comparison",
        choices=[("", "Choose a comparison"), *Comparison.choices],
        error_messages={"required": "Choose the comparison"},
    )
    value = forms.DecimalField(
        label="Value to reach",
        help_text="A percentage for the Ofsted measures. Leave blank for the top quartile.",
        max_digits=12,
        decimal_places=4,
        required=False,
        error_messages={"invalid": "The value must be a number, like 75"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator_groups = indicator_groups()
        self.fields["indicator"].choices = [("", "Choose an indicator"), *self.indicator_groups]


class _OptionalDate(DateField):
    def compress(self, values):
        if not any((value or "").strip() for value in values or []):
            return None
        return super().compress(values)


class LaRecordForm(forms.Form):
    """Up to three dates for the LA's record, as day, month and year boxes (the page) or as
    `dates=YYYY-MM-DD,...` (links, the CSV). Empty: the default dates."""

    date_1 = _OptionalDate(what="the first date", label="First date", required=False)
    date_2 = _OptionalDate(what="the second date", label="Second date", required=False)
    date_3 = _OptionalDate(what="the third date", label="Third date", required=False)

    def __init__(self, query, *, defaults):
        data = query.copy()
        if not any(f"date_{n}_{part}" in query for n in (1, 2, 3) for part in DATE_PARTS):
            given = [d for d in query.get("dates", "").split(",") if d.strip()] or [
                d.isoformat() for d in defaults
            ]
            for n, text in enumerate(given[:3], start=1):
                parts = text.strip().split("-")
                year, month, day = parts if len(parts) == 3 else ("", "", text)
                boxes = {"day": day, "month": month, "year": year}
                data.update({f"date_{n}_{part}": value for part, value in boxes.items()})
        super().__init__(data)
        self.defaults = defaults

    @property
    def dates(self) -> list[date]:
        chosen = [self.cleaned_data.get(f"date_{n}") for n in (1, 2, 3)]
        return sorted({day for day in chosen if day is not None}) or list(self.defaults)
