"""Forms of the partnership pages. Each asks plainly and says what is wrong."""

from django import forms
from django.contrib.auth import get_user_model

from uplift.core.forms import DateField
from uplift.partnerships.models import Choice, Resolve

NOT_VOTING = ""


class MeetingForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the meeting's title"}
    )
    held_on = DateField(what="the date of the meeting", label="Date of the meeting")
    agenda = forms.CharField(
        label="Agenda",
        help_text="One item a line, in order.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    round = forms.ModelChoiceField(
        label="Categorisation round the meeting agrees",
        queryset=None,
        required=False,
        empty_label="No round",
    )

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["round"].label_from_instance = lambda round_: f"Round {round_.code}"


class AttendanceForm(forms.Form):
    seats = forms.ModelMultipleChoiceField(
        label="Seats represented at the meeting",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, seats, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seats"].queryset = seats
        self.fields["seats"].label_from_instance = lambda seat: (
            f"{seat.name}{'' if seat.voting else ' (no vote)'}"
        )


class MotionForm(forms.Form):
    """A motion; with the board's schools of the round, what it resolves for each."""

    text = forms.CharField(
        label="Motion",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the motion"},
    )

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        for row in self.rows:
            self.fields[f"school_{row.pk}"] = forms.ChoiceField(
                label=row.establishment.name,
                choices=[("", "Not in this motion"), *Resolve.choices],
                required=False,
                widget=forms.RadioSelect,
            )

    def school_fields(self):
        return [self[f"school_{row.pk}"] for row in self.rows]

    def resolved(self, resolve: str):
        return [row for row in self.rows if self.cleaned_data.get(f"school_{row.pk}") == resolve]


class VotesForm(forms.Form):
    """A vote for each voting seat present, and the chair's casting vote on a tie."""

    casting_vote = forms.ChoiceField(
        label="The chair's casting vote, if the votes are tied",
        choices=[("", "No casting vote"), (Choice.FOR, "For"), (Choice.AGAINST, "Against")],
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, seats=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.seats = list(seats)
        for seat in self.seats:
            self.fields[f"seat_{seat.pk}"] = forms.ChoiceField(
                label=seat.name,
                choices=[*Choice.choices, (NOT_VOTING, "Did not vote")],
                required=False,
                widget=forms.RadioSelect,
            )

    def seat_fields(self):
        return [self[f"seat_{seat.pk}"] for seat in self.seats]

    def votes(self) -> dict:
        return {
            seat: self.cleaned_data[f"seat_{seat.pk}"]
            for seat in self.seats
            if self.cleaned_data.get(f"seat_{seat.pk}")
        }


class ActionForm(forms.Form):
    description = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Enter the action"},
    )
    owner = forms.ModelChoiceField(
        label="Owner",
        queryset=get_user_model().objects.none(),
        empty_label="Choose who owns it",
        error_messages={"required": "Choose who owns the action"},
    )
    due_on = DateField(what="the date the action is due", label="Due")

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = lambda user: (
            user.get_full_name().strip() or "A user without a name"
        )


class PaperForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the paper's title"}
    )
    file = forms.FileField(label="File", error_messages={"required": "Choose the file"})


class DoneForm(forms.Form):
    done_on = DateField(what="the date the action was done", label="Date done")
