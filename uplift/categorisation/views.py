"""The policy pages: list, a policy and its versions, a version in words, editing as a new
draft, copying, activating, the difference between two versions and the what-if. For LA
officers (their LA's policies) and system administrators; everyone else is refused (403),
and a policy outside the user's LAs is not found (404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from uplift.audit.models import Via
from uplift.categorisation import access, selectors, services
from uplift.categorisation.diff import diff_definitions
from uplift.categorisation.forms import (
    ActivateForm,
    CompareForm,
    CopyForm,
    DefinitionForm,
    PolicyCreateForm,
    RoundChoiceForm,
)
from uplift.categorisation.models import PolicyVersion, Round, VersionStatus
from uplift.categorisation.present import readable
from uplift.categorisation.presets import presets
from uplift.categorisation.whatif import what_if
from uplift.core.web import REFUSED, attempt


def _las(request):
    las = access.categorisation_las(request.user)
    if not las.exists():
        raise PermissionDenied
    return las


def _policy(request, pk: int):
    _las(request)
    return get_object_or_404(selectors.visible_policies(request.user), pk=pk)


def _version(request, pk: int, number: int) -> PolicyVersion:
    policy = _policy(request, pk)
    version = get_object_or_404(policy.versions.select_related("created_by"), number=number)
    version.policy = policy
    return version


@login_required
@require_GET
def policy_list(request):
    _las(request)
    return render(
        request,
        "categorisation/policy_list.html",
        {"policies": selectors.policies_for_list(request.user), "presets": presets()},
    )


@login_required
def policy_create(request):
    las = _las(request)
    form = PolicyCreateForm(request.POST or None, las=las)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        version = attempt(
            form,
            services.create_policy_from_preset,
            actor=request.user,
            via=Via.WEB,
            la=form.chosen_la(),
            preset=data["preset"],
            name=data["name"],
            reason=data["reason"],
        )
        if version is not REFUSED:
            messages.success(request, f"{version.policy.name} created as a draft")
            return _to_version(version)
    return render(request, "categorisation/policy_new.html", {"form": form})


@login_required
@require_GET
def policy_detail(request, pk: int):
    policy = _policy(request, pk)
    versions = list(policy.versions.select_related("created_by").order_by("-number"))
    numbers = [v.number for v in versions]
    compare = CompareForm(
        initial={"before": numbers[1] if len(numbers) > 1 else numbers[0], "after": numbers[0]},
        numbers=numbers,
    )
    return render(
        request,
        "categorisation/policy_detail.html",
        {"policy": policy, "versions": versions, "compare": compare},
    )


@login_required
@require_GET
def version_detail(request, pk: int, number: int):
    version = _version(request, pk, number)
    return render(
        request,
        "categorisation/version_detail.html",
        {
            "policy": version.policy,
            "version": version,
            "readable": readable(version.parsed),
            "is_latest": not version.policy.versions.filter(number__gt=number).exists(),
            "rounds": version.policy.la.categorisation_rounds.exists(),
        },
    )


@login_required
def version_edit(request, pk: int, number: int):
    version = _version(request, pk, number)
    form = DefinitionForm(
        request.POST or None, initial=DefinitionForm.initial_for(version.definition)
    )
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            form,
            services.save_draft,
            actor=request.user,
            via=Via.WEB,
            based_on=version,
            definition=form.cleaned_data["definition"],
            change_note=form.cleaned_data["change_note"],
        )
        if saved is not REFUSED:
            messages.success(request, f"Version {saved.number} saved as a draft")
            return _to_version(saved)
    return render(
        request,
        "categorisation/version_edit.html",
        {
            "policy": version.policy,
            "version": version,
            "form": form,
            "readable": readable(version.parsed),
        },
    )


@login_required
def version_copy(request, pk: int, number: int):
    version = _version(request, pk, number)
    form = CopyForm(
        request.POST or None,
        las=_las(request),
        initial={"name": f"Copy of {version.policy.name}"[:120], "la": version.policy.la_id},
    )
    if request.method == "POST" and form.is_valid():
        copy = attempt(
            form,
            services.copy_policy,
            actor=request.user,
            via=Via.WEB,
            version=version,
            la=form.chosen_la(),
            name=form.cleaned_data["name"],
            reason=form.cleaned_data["reason"],
        )
        if copy is not REFUSED:
            messages.success(request, f"{copy.policy.name} created as a draft")
            return _to_version(copy)
    return render(
        request,
        "categorisation/version_copy.html",
        {"policy": version.policy, "version": version, "form": form},
    )


@login_required
def version_activate(request, pk: int, number: int):
    version = _version(request, pk, number)
    if version.status != VersionStatus.DRAFT:
        raise PermissionDenied("Only a draft can be made active")
    form = ActivateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        active = attempt(
            form,
            services.activate_version,
            actor=request.user,
            via=Via.WEB,
            version=version,
            reason=form.cleaned_data["reason"],
        )
        if active is not REFUSED:
            messages.success(request, f"Version {active.number} is now active")
            return _to_version(active)
    current = version.policy.versions.filter(status=VersionStatus.ACTIVE).first()
    return render(
        request,
        "categorisation/version_activate.html",
        {"policy": version.policy, "version": version, "current": current, "form": form},
    )


@login_required
@require_GET
def version_diff(request, pk: int):
    policy = _policy(request, pk)
    versions = {v.number: v for v in policy.versions.all()}
    form = CompareForm(request.GET or None, numbers=sorted(versions, reverse=True))
    if not form.is_valid():
        return redirect("categorisation:policy", pk=policy.pk)
    before = versions[form.cleaned_data["before"]]
    after = versions[form.cleaned_data["after"]]
    return render(
        request,
        "categorisation/diff.html",
        {
            "policy": policy,
            "before": before,
            "after": after,
            "diff": diff_definitions(before.definition, after.definition),
        },
    )


@login_required
@require_GET
def version_what_if(request, pk: int, number: int):
    version = _version(request, pk, number)
    rounds = list(
        Round.objects.filter(la=version.policy.la)
        .select_related("la", "policy_version__policy")
        .order_by("-as_at")
    )
    form = RoundChoiceForm(request.GET or None, rounds=rounds)
    context = {"policy": version.policy, "version": version, "form": form, "rounds": rounds}
    if form.is_valid():
        round_ = next(r for r in rounds if r.code == form.cleaned_data["round"])
        context |= {
            "round": round_,
            "changes": what_if(round=round_, draft_version=version),
            "current_definition": round_.policy_version.parsed,
            "draft_definition": version.parsed,
        }
    return render(request, "categorisation/what_if.html", context)


def _to_version(version: PolicyVersion):
    return redirect("categorisation:version", pk=version.policy_id, number=version.number)
