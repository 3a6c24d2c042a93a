"""The intervention power pages of a case: recording a power used and the day DfE was told
of it, and a structural solution or academy order. Who may see and take each step is as on
the case pages (cases_views)."""

from django.contrib.auth.decorators import login_required

from uplift.casework.cases.forms import PowerDfeForm, PowerForm, StructuralForm
from uplift.casework.cases.step_views import case_step, changeable_item, item_step
from uplift.casework.models import PowerUse
from uplift.casework.powers import services as powers_services


@login_required
def case_power_new(request, pk: int):
    return case_step(
        request,
        pk,
        PowerForm,
        "casework/cases/power_new.html",
        powers_services.use_power,
        lambda data: {
            "power": data["power"],
            "used_on": data["used_on"],
            "details": data["details"],
            "sos_consent_on": data["sos_consent_on"],
            "consulted_on": data["consulted_on"],
            "dfe_notified_on": data["dfe_notified_on"],
            "version": data["version"],
        },
        power=request.GET.get("power", ""),
        heading="Record a power used",
    )


@login_required
def case_structural_new(request, pk: int):
    return case_step(
        request,
        pk,
        StructuralForm,
        "casework/cases/structural_new.html",
        powers_services.record_structural_solution,
        lambda data: {
            "kind": data["kind"],
            "decided_on": data["decided_on"],
            "academy_order_on": data["academy_order_on"],
            "expected_on": data["expected_on"],
            "completed_on": data["completed_on"],
            "details": data["details"],
            "version": data["version"],
        },
        heading="Record a structural solution or academy order",
    )


@login_required
def power_dfe_notification(request, pk: int):
    use = changeable_item(request, PowerUse.objects.all(), pk)
    return item_step(
        request,
        use,
        PowerDfeForm,
        "casework/cases/power_dfe.html",
        powers_services.record_power_dfe_notification,
        lambda data: {"power_use": use, "notified_on": data["notified_on"]},
        {"power_use": use},
        heading="Record when DfE was told",
    )
