"""Forms of the action plan and support cycle pages. The services check the rules; the forms
only read what people type (dates as GOV.UK day, month and year boxes). Each form that
changes a plan or a cycle carries the version of it the page showed (a hidden field), so
that a change made from a stale page is refused."""

from django import forms

from uplift.core.dates import long_date
from uplift.core.forms import DateField
from uplift.support import access
from uplift.support.models import ActionPlan, CycleStage, Rag

EXAMPLE = "For example, 27 3 2027"
TITLE_MAX_LENGTH = ActionPlan._meta.get_field("title").max_length


class OptionalDateField(DateField):
    """A date that may be left blank (all three boxes empty)."""

    def compress(self, values):
        if not any((value or "").strip() for value in values or []):
            return None
        return super().compress(values)


def _date(label: str, what: str, required: bool = True) -> DateField:
    field = DateField if required else OptionalDateField
    return field(what=what, label=label, help_text=EXAMPLE, required=required)


def _text(label: str, missing: str, rows: int = 4, required: bool = True, help_text: str = ""):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": missing},
    )


class Versioned(forms.Form):
    """The version of the plan (or cycle) the page showed."""

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": "The page was out of date: check the plan and make your change again",
            "invalid": "The page was out of date: check the plan and make your change again",
            "min_value": "The page was out of date: check the plan and make your change again",
        },
    )


class PlanForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=TITLE_MAX_LENGTH,
        error_messages={
            "required": "Enter the plan's title",
            "max_length": f"The title must be {TITLE_MAX_LENGTH} characters or fewer",
        },
    )
    starts_on = _date("Starts on", "the date the plan starts")
    ends_on = _date("Ends on (optional)", "the date the plan ends", required=False)
    case = forms.ModelChoiceField(
        label="Concern case (optional)",
        required=False,
        queryset=None,
        empty_label="Not linked to a case",
    )

    def __init__(self, *args, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases
        self.fields["case"].label_from_instance = lambda case: (
            f"Case opened {case.opened_on:%d %B %Y} ({case.get_stage_display().lower()})"
        )


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        profile = getattr(user, "profile", None)
        role = f" ({profile.get_role_display()})" if profile is not None else ""
        return f"{user.get_full_name() or user.get_username()}{role}"


class ObjectiveForm(Versioned):
    text = _text("Objective", "Enter the objective", rows=3)
    success_criteria = _text(
        "Success criteria",
        "",
        rows=3,
        required=False,
        help_text="How everyone will know the objective is achieved",
    )
    owner = OwnerChoiceField(
        label="Owner",
        queryset=None,
        empty_label="Choose the owner",
        help_text="Someone who can see the school: its LA's officers, its advisers, its "
        "headteacher or its chair of governors",
        error_messages={"required": "Choose the objective's owner"},
    )
    due_on = _date("Due on", "the date the objective is due")

    def __init__(self, *args, establishment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = access.possible_plan_owners(establishment).select_related(
            "profile"
        )


class MilestoneForm(Versioned):
    text = _text("Milestone", "Enter the milestone", rows=3)
    due_on = _date("Due on", "the date the milestone is due")


class MilestoneDoneForm(Versioned):
    done_on = _date("Done on", "the date the milestone was done")


class ReviewForm(Versioned):
    reviewed_on = _date("Date of the review", "the date of the review")
    rag = forms.ChoiceField(
        label="Progress rating",
        choices=[
            (Rag.GREEN, "Green: on track"),
            (Rag.AMBER, "Amber: some concern, action needed"),
            (Rag.RED, "Red: off track, urgent action needed"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the rating: red, amber or green"},
    )
    commentary = _text("Commentary", "Enter the commentary on progress", rows=5)


class AchievedForm(Versioned):
    achieved_on = _date("Achieved on", "the date the objective was achieved")


class ClosePlanForm(Versioned):
    closed_on = _date("Closed on", "the date the plan closed")
    reason = _text("Reason for closing the plan", "Enter the reason for closing the plan", 3)


class StartCycleForm(forms.Form):
    started_on = _date("Date of the collaborative review", "the date of the collaborative review")
    summary = _text(
        "What the collaborative review found",
        "Enter what the collaborative review found",
        rows=5,
        help_text="The strategies needed to raise standards",
    )


class CycleStepForm(Versioned):
    """Offers only the stages that may come next (`offered`), but accepts any stage, so
    that a move the rules refuse is explained by the rule rather than by the form."""

    stage = forms.ChoiceField(
        label="Stage",
        choices=CycleStage.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the stage to record",
            "invalid_choice": "Choose the stage to record",
        },
    )
    happened_on = _date("Date", "the date of the step")
    summary = _text("Summary", "Enter a summary of the step", rows=5)
    plan = forms.ModelChoiceField(
        label="Action plan (for the intervention plan)",
        required=False,
        queryset=None,
        empty_label="No action plan",
        help_text="The short intensive intervention plan needs an action plan of the school",
    )

    def __init__(self, *args, stages, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.offered = list(stages)
        self.fields["plan"].queryset = plans
        self.fields["plan"].label_from_instance = lambda plan: (
            f"{plan.title} (from {long_date(plan.starts_on)})"
        )

    @property
    def offers_plan(self) -> bool:
        return CycleStage.INTERVENTION_PLAN in self.offered
