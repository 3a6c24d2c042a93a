"""Forms of the monitoring board pages. The meeting form has five action rows, so that
actions can be recorded with the meeting without JavaScript; empty rows are ignored."""

from django import forms

from uplift.casework.letters.forms import date_field, text_area
from uplift.casework.meetings.selectors import owner_label

ACTION_ROWS = 5


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return owner_label(obj)


def owner_field(owners, required: bool = True) -> OwnerChoiceField:
    return OwnerChoiceField(
        label="Owner",
        queryset=owners,
        required=required,
        empty_label="Choose the owner",
        error_messages={"required": "Choose the action's owner"},
    )


class MeetingForm(forms.Form):
    held_on = date_field("Date of the meeting", "the date of the meeting")
    members = text_area(
        "Members present",
        "Enter at least one member of the board who attended",
        rows=5,
        help_text="One per line, with their role, for example: Jo Smith, chair of governors",
    )
    minutes = text_area("Minutes", "Enter the minutes of the meeting", rows=10)

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, ACTION_ROWS + 1):
            self.fields[f"action_{number}_description"] = text_area(
                f"Action {number}", "", rows=2, required=False
            )
            self.fields[f"action_{number}_owner"] = owner_field(owners, required=False)
            self.fields[f"action_{number}_owner"].label = f"Owner of action {number}"
            self.fields[f"action_{number}_due_on"] = date_field(
                f"Action {number} due on", f"the date action {number} is due", required=False
            )

    def action_rows(self):
        """The bound fields of each action row, for the template."""
        return [
            (
                number,
                self[f"action_{number}_description"],
                self[f"action_{number}_owner"],
                self[f"action_{number}_due_on"],
            )
            for number in range(1, ACTION_ROWS + 1)
        ]

    def clean(self):
        data = super().clean()
        data["member_list"] = [
            line.strip() for line in (data.get("members") or "").splitlines() if line.strip()
        ]
        actions = []
        for number in range(1, ACTION_ROWS + 1):
            row = {
                "description": data.get(f"action_{number}_description") or "",
                "owner": data.get(f"action_{number}_owner"),
                "due_on": data.get(f"action_{number}_due_on"),
            }
            if not any(row.values()):
                continue
            for key, what in (
                ("description", "what action {n} is"),
                ("owner", "the owner of action {n}"),
                ("due_on", "the date action {n} is due"),
            ):
                if not row[key] and not self.has_error(f"action_{number}_{key}"):
                    verb = "Choose" if key == "owner" else "Enter"
                    self.add_error(f"action_{number}_{key}", f"{verb} {what.format(n=number)}")
            actions.append(row)
        data["actions"] = actions
        return data


class ActionForm(forms.Form):
    description = text_area("Action", "Enter what the action is", rows=3)
    due_on = date_field("Due on", "the date the action is due")

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"] = owner_field(owners)
        self.order_fields(["description", "owner", "due_on"])


class DoneForm(forms.Form):
    done_on = date_field("Done on", "the date the action was done")
    note = text_area("What was done", "", rows=3, required=False)
