"""Forms of the policy pages. The definition is edited as JSON, one box per section; every
problem found is shown on its section's box with the exact path at fault."""

import json

from django import forms

from uplift.categorisation.definition import (
    OPTIONAL_SECTIONS,
    SECTIONS,
    DefinitionInvalid,
    load_json,
    parse_definition,
)
from uplift.categorisation.presets import presets
from uplift.categorisation.scope import DEFAULT as DEFAULT_SCOPE
from uplift.core.forms import reason_field

NAME_MAX_LENGTH = 120


def name_field(label="Name of the policy", required=True) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=NAME_MAX_LENGTH,
        required=required,
        error_messages={
            "required": "Enter a name for the policy",
            "max_length": f"The name must be {NAME_MAX_LENGTH} characters or fewer",
        },
    )


class LaChoiceMixin:
    """A choice of LA when the user works for several, fixed (and not asked) for one."""

    def setup_la(self, las):
        self.fixed_la = las.first() if las.count() == 1 else None
        if self.fixed_la is not None:
            del self.fields["la"]
        else:
            self.fields["la"].queryset = las

    def chosen_la(self):
        return self.fixed_la or self.cleaned_data["la"]


class PolicyCreateForm(LaChoiceMixin, forms.Form):
    la = forms.ModelChoiceField(
        label="Local authority",
        queryset=None,
        empty_label="Choose a local authority",
        error_messages={"required": "Choose the local authority"},
    )
    preset = forms.ChoiceField(
        label="Start from",
        choices=[],
        error_messages={"required": "Choose the preset to start from"},
    )
    name = name_field(required=False)
    reason = reason_field()

    def __init__(self, *args, las, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_la(las)
        self.fields["preset"].choices = [("", "Choose a preset")] + [
            (code, p.name) for code, p in presets().items()
        ]
        self.fields["name"].help_text = "Leave it empty to use the preset's name."


class CopyForm(LaChoiceMixin, forms.Form):
    la = forms.ModelChoiceField(
        label="Local authority of the copy",
        queryset=None,
        empty_label="Choose a local authority",
        error_messages={"required": "Choose the local authority"},
    )
    name = name_field(label="Name of the new policy")
    reason = reason_field()

    def __init__(self, *args, las, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_la(las)


class ActivateForm(forms.Form):
    reason = reason_field()


SECTION_HELP = {
    "categories": "A list of categories, best first by order: code, label, order, description "
    "and causing_concern (yes, maybe or no).",
    "criteria": "A list of criteria: code, label, description, phases, levels (best first) "
    "and evidence (source data with measures, inspection with areas, or judgement).",
    "thresholds": "For each criterion taking data or the inspection: levels, each with a "
    "condition (when), checked in order, and the level given otherwise.",
    "rules": "The Ofsted anchor (category_of_concern, overall_grade, sub_grades, report_card, "
    "not_inspected) and the adjustments (name, rule, precedence, params).",
    "scope": "Who is categorised: for maintained, academy, independent and unknown (no type "
    "recorded) schools, categorise, monitor (categorised for monitoring only) or exclude; and "
    "the register statuses that count. Left empty: the default shown.",
}


class DefinitionForm(forms.Form):
    """The definition's four sections as JSON, and a note of what changed and why."""

    categories = forms.CharField(label="Categories", widget=forms.Textarea(attrs={"rows": 12}))
    criteria = forms.CharField(label="Criteria", widget=forms.Textarea(attrs={"rows": 16}))
    thresholds = forms.CharField(label="Thresholds", widget=forms.Textarea(attrs={"rows": 16}))
    rules = forms.CharField(label="Combination rules", widget=forms.Textarea(attrs={"rows": 16}))
    scope = forms.CharField(
        label="Who is categorised", required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    change_note = forms.CharField(
        label="What changed and why",
        help_text="Kept with the new version and in the history of changes.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what changed and why"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in SECTIONS + OPTIONAL_SECTIONS:
            self.fields[section].help_text = SECTION_HELP[section]
            self.fields[section].error_messages["required"] = f"Enter the {section} as JSON"

    @staticmethod
    def initial_for(definition: dict) -> dict:
        initial = {section: json.dumps(definition.get(section), indent=2) for section in SECTIONS}
        initial["scope"] = json.dumps(definition.get("scope") or DEFAULT_SCOPE, indent=2)
        return initial

    def clean(self):
        data = super().clean()
        definition = {}
        for section in SECTIONS:
            if section not in data:
                continue  # already reported as missing
            try:
                definition[section] = load_json(data[section], path=section)
            except DefinitionInvalid as invalid:
                self._report(invalid)
        if (data.get("scope") or "").strip():
            try:
                definition["scope"] = load_json(data["scope"], path="scope")
            except DefinitionInvalid as invalid:
                self._report(invalid)
        if len(definition) < len(SECTIONS) or self.errors:
            return data
        try:
            parse_definition(definition)
        except DefinitionInvalid as invalid:
            self._report(invalid)
            return data
        data["definition"] = _without_markers(definition)
        if data["definition"].get("scope") == DEFAULT_SCOPE:
            del data["definition"]["scope"]  # the default needs no saying
        return data

    def _report(self, invalid: DefinitionInvalid) -> None:
        for problem in invalid.problems:
            section = problem.path.split(".")[0].split("[")[0]
            known = SECTIONS + OPTIONAL_SECTIONS
            self.add_error(section if section in known else None, str(problem))


def _without_markers(value):
    """The parsed JSON as plain data (a valid definition has no duplicate keys to mark)."""
    if isinstance(value, dict):
        return {k: _without_markers(v) for k, v in value.items() if not k.startswith("\x00")}
    if isinstance(value, list):
        return [_without_markers(v) for v in value]
    return value


class RoundChoiceForm(forms.Form):
    round = forms.ChoiceField(
        label="Round",
        choices=[],
        error_messages={"required": "Choose the round to try the policy on"},
    )

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].choices = [("", "Choose a round")] + [
            (r.code, f"{r.code} ({r.get_status_display().lower()}, {r.policy_version})")
            for r in rounds
        ]


class CompareForm(forms.Form):
    before = forms.TypedChoiceField(label="Compare version", coerce=int, choices=[])
    after = forms.TypedChoiceField(label="with version", coerce=int, choices=[])

    def __init__(self, *args, numbers, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, f"Version {n}") for n in numbers]
        self.fields["before"].choices = choices
        self.fields["after"].choices = choices
