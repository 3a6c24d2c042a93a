"""Forms of the round pages. Every form that changes a round or a school's decision carries
the version the user saw, so that a save from a stale page can be refused."""

from django import forms

from uplift.categorisation.models import BoardOutcome, Decision, PolicyVersion, VersionStatus
from uplift.core.forms import reason_field


def _text(label: str, missing: str, rows: int = 4, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": missing},
    )


def category_choices(definition) -> list[tuple[str, str]]:
    return [("", "Choose a category")] + [(c.code, c.label) for c in definition.categories]


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class StartRoundForm(forms.Form):
    code = forms.CharField(
        label="Round",
        help_text="The year and term, for example 2026-autumn, 2027-spring or 2027-summer",
        max_length=20,
        error_messages={"required": "Enter the round, for example 2026-autumn"},
    )
    policy_version = forms.ModelChoiceField(
        label="Policy",
        queryset=PolicyVersion.objects.none(),
        empty_label="Choose the policy",
        error_messages={"required": "Choose the policy to propose categories with"},
    )
    reason = reason_field()

    def __init__(self, *args, las, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["policy_version"].queryset = PolicyVersion.objects.filter(
            policy__la__in=las, status=VersionStatus.ACTIVE
        ).select_related("policy__la")
        self.fields["policy_version"].label_from_instance = lambda v: (
            f"{v.policy.name} version {v.number} ({v.policy.la.name})"
        )


class DecisionForm(VersionedForm):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[
            (Decision.ACCEPTED, "Accept the proposed category"),
            (Decision.OVERRIDDEN, "Override it"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to accept the proposal or override it"},
    )
    category = forms.ChoiceField(label="Category instead", required=False, choices=[])
    reason = _text("Reason", "", rows=3, required=False)
    evidence = _text("Evidence", "", rows=3, required=False)

    def __init__(self, *args, definition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = category_choices(definition)
        self.fields["reason"].help_text = "Needed for an override; optional when you accept"
        self.fields["evidence"].help_text = "Needed for an override: what shows the category"


class BoardForm(VersionedForm):
    held_on = forms.DateField(
        label="Date of the meeting",
        help_text="For example 2026-10-15 or 15/10/2026",
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={
            "required": "Enter the date of the meeting",
            "invalid": "Enter the date of the meeting like 2026-10-15",
        },
    )
    members_present = _text("Members present", "Enter the members present", rows=3)
    minutes = _text("Minutes", "Enter the minutes of the meeting", rows=6)
    outcome = forms.ChoiceField(
        label="The board's decision",
        choices=[
            (BoardOutcome.AGREED, "Agree the round's categories"),
            (BoardOutcome.REFERRED_BACK, "Refer schools back to review"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the board's decision"},
    )
    referred = forms.ModelMultipleChoiceField(
        label="Schools referred back",
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    comment = _text("Comment on the schools referred back", "", rows=3, required=False)

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referred"].queryset = rows
        self.fields["referred"].label_from_instance = lambda row: (
            f"{row.establishment.name} (URN {row.establishment.urn})"
        )


class PublishForm(VersionedForm):
    reason = reason_field()


class RecategoriseForm(VersionedForm):
    category = forms.ChoiceField(
        label="New category",
        choices=[],
        error_messages={"required": "Choose the new category"},
    )
    reason = _text("Reason for the change", "Enter the reason for the change", rows=3)
    evidence = _text("New evidence", "Enter the new evidence", rows=4)

    def __init__(self, *args, definition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = category_choices(definition)


class BulkAcceptForm(forms.Form):
    """Accept the policy's proposals for the ticked schools, or for every school the page's
    filters select, with one reason."""

    TICKED, FILTERED = "ticked", "filtered"
    scope = forms.ChoiceField(
        choices=[(TICKED, "The ticked schools"), (FILTERED, "Every school the filters select")],
        error_messages={"required": "Choose which schools to accept"},
    )
    rows = forms.TypedMultipleChoiceField(coerce=int, required=False)
    reason = _text(
        "Reason for accepting these proposals",
        "Enter the reason for accepting these proposals",
        rows=2,
    )

    def __init__(self, *args, row_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rows"].choices = [(pk, pk) for pk in row_ids]

    def clean(self):
        data = super().clean()
        if data.get("scope") == self.TICKED and not data.get("rows"):
            raise forms.ValidationError("Tick the schools whose proposals you accept")
        return data
