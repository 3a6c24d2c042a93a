"""Audit events in words: "case.opened" -> "Case opened". Every action an Uplift service
records has its sentence here; an action without one is read aloud from its code."""

from uplift.core.words import humanise_code, person_name

EVENT_WORDS = {
    "action_plan.closed": "Action plan closed",
    "action_plan.created": "Action plan written",
    "action_plan.milestone_added": "Milestone added to the action plan",
    "action_plan.milestone_done": "Milestone of the action plan met",
    "action_plan.objective_achieved": "Objective of the action plan achieved",
    "action_plan.objective_added": "Objective added to the action plan",
    "action_plan.reviewed": "Action plan reviewed",
    "adviser.school_assigned": "School assigned to the adviser",
    "adviser.school_unassigned": "School taken off the adviser",
    "api_token.created": "API token made",
    "api_token.revoked": "API token withdrawn",
    "case.closed": "Case closed",
    "case.compliance_decided": "Compliance with the warning notice decided",
    "case.moved": "Case moved to another stage",
    "case.notice_of_intention_recorded": "Notice of intention recorded",
    "case.opened": "Case opened",
    "case.power_notified_to_dfe": "Use of an intervention power notified to the DfE",
    "case.power_used": "Intervention power used",
    "case.structural_solution_recorded": "Structural solution recorded",
    "case.warning_notice_copied_to_dfe": "Warning notice copied to the DfE",
    "case.warning_notice_issued": "Warning notice issued",
    "casework.school_holiday_added": "School holiday added to the calendar",
    "casework.school_holiday_removed": "School holiday taken off the calendar",
    "casework.settings_updated": "Casework settings changed",
    "categorisation.draft_saved": "Draft of the categorisation policy saved",
    "categorisation.judgement_recorded": "Officer's judgement recorded",
    "categorisation.policy_copied": "Categorisation policy copied",
    "categorisation.policy_created": "Categorisation policy created",
    "categorisation.round_moderated": "Categorisation round moderated by the board",
    "categorisation.round_proposed": "Categories proposed for the round",
    "categorisation.round_published": "Categorisation round published",
    "categorisation.school_decided": "School's category decided",
    "categorisation.school_recategorised": "School re-categorised",
    "categorisation.version_activated": "Categorisation policy version made active",
    "earlywarning.flag_reviewed": "Early-warning flag reviewed",
    "governors.appointed": "Governor appointed",
    "governors.body_changed": "Governing body changed",
    "governors.body_set_up": "Governing body recorded",
    "governors.left": "Governor left the governing body",
    "governors.reviewed": "Governance review recorded",
    "governors.training_recorded": "Governor training recorded",
    "early_warning.scored": "Schools scored for early warning",
    "group.created": "Group created",
    "group.member_added": "School joined the group",
    "group.member_ended": "School left the group",
    "group.renamed": "Group renamed",
    "impact.findings_saved": "Impact of support saved for track records",
    "impact.measures_chosen": "Measures of the impact of support chosen",
    "import.applied": "File imported",
    "import.rejected": "Import rejected",
    "letter.generated": "Letter written",
    "letter.sent": "Letter sent",
    "letter.viewed": "Letter read",
    "letter_template.created": "Letter template created",
    "letter_template.updated": "Letter template changed",
    "meeting.action_done": "Action from a meeting done",
    "meeting.recorded": "Meeting recorded",
    "note_template.changed": "Note of visit template changed",
    "note_template.created": "Note of visit template created",
    "profiles.batch_started": "Performance profiles being made",
    "report_target.created": "Report target set",
    "report_target.deleted": "Report target removed",
    "support_cycle.started": "Support cycle started",
    "support_cycle.step_recorded": "Step of the support cycle recorded",
}


def event_words(action: str) -> str:
    return EVENT_WORDS.get(action) or humanise_code(action)


def actor_words(event) -> str:
    """Who made the change: the person's name, "the command line" or "the system"."""
    if getattr(event, "actor_id", None):
        return person_name(event.actor)
    label = (getattr(event, "actor_label", "") or "").strip()
    if label.startswith("cli") or label in {"", "system"}:
        return "The system" if label in {"", "system"} else "The command line"
    return "a former user"
