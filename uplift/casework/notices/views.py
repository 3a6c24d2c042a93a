"""The warning notice pages of a case: issuing a notice, recording its copy to DfE and
whether the governing body complied, and the notice of intention to use powers. Who may see
and take each step is as on the case pages (cases_views)."""

from django.contrib.auth.decorators import login_required

from uplift.casework.cases.forms import (
    ComplianceForm,
    DfeCopyForm,
    IntentionForm,
    WarningNoticeForm,
)
from uplift.casework.cases.step_views import case_step, changeable_item, item_step
from uplift.casework.models import WarningNotice
from uplift.casework.notices import services as notices_services


@login_required
def case_notice_new(request, pk: int):
    return case_step(
        request,
        pk,
        WarningNoticeForm,
        "casework/cases/notice_new.html",
        notices_services.issue_warning_notice,
        lambda data: {
            "route": data["route"],
            "grounds": data["grounds"],
            "issued_on": data["issued_on"],
            "compliance_working_days": data["compliance_working_days"],
            "reason": data["reason"],
            "version": data["version"],
        },
        heading="Issue a warning notice",
    )


@login_required
def case_intention(request, pk: int):
    return case_step(
        request,
        pk,
        IntentionForm,
        "casework/cases/intention.html",
        notices_services.record_notice_of_intention,
        lambda data: {
            "given_on": data["given_on"],
            "reason": data["reason"],
            "version": data["version"],
        },
        heading="Record the notice of intention to use powers",
    )


@login_required
def notice_dfe_copy(request, pk: int):
    notice = changeable_item(request, WarningNotice.objects.all(), pk)
    return item_step(
        request,
        notice,
        DfeCopyForm,
        "casework/cases/notice_dfe_copy.html",
        notices_services.record_dfe_copy,
        lambda data: {"notice": notice, "copied_on": data["copied_on"]},
        {"notice": notice},
        heading="Record the copy to DfE",
    )


@login_required
def notice_compliance(request, pk: int):
    notice = changeable_item(request, WarningNotice.objects.all(), pk)
    return item_step(
        request,
        notice,
        ComplianceForm,
        "casework/cases/notice_compliance.html",
        notices_services.decide_compliance,
        lambda data: {
            "notice": notice,
            "compliance": data["compliance"],
            "decided_on": data["decided_on"],
            "notes": data["notes"],
        },
        {"notice": notice},
        heading="Decide whether the governing body complied",
    )
