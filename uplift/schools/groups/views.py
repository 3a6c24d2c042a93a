"""School groups: the list, a group's page, and the changes people make to groups
(each through uplift.schools.services, with a reason kept in the history)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from uplift.audit.models import Via
from uplift.core.web import REFUSED, attempt
from uplift.schools import access, services
from uplift.schools.groups import selectors
from uplift.schools.groups.forms import (
    AddMemberForm,
    EndMembershipForm,
    GroupCreateForm,
    GroupRenameForm,
)

GROUPS_PER_PAGE = 50


@login_required
def group_list(request):
    paginator = Paginator(selectors.groups_for_list(request.user), GROUPS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "groups/list.html",
        {
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "can_create": selectors.manageable_las(request.user).exists(),
        },
    )


@login_required
def group_detail(request, pk: int):
    group = _visible_group(request, pk)
    user = request.user
    return render(
        request,
        "groups/detail.html",
        {
            "group": group,
            "members": selectors.group_members(user, group),
            "can_rename": access.can_manage_groups(user, group.la),
            "can_add": access.editable_establishments(user).exists(),
        },
    )


@login_required
def group_create(request):
    las = selectors.manageable_las(request.user)
    if not las.exists():
        raise PermissionDenied
    form = GroupCreateForm(request.POST or None, las=las)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        group = attempt(
            form,
            services.create_group,
            actor=request.user,
            via=Via.WEB,
            la=form.chosen_la(),
            kind=data["kind"],
            name=data["name"],
            reason=data["reason"],
        )
        if group is not REFUSED:
            messages.success(request, f"{group} created")
            return redirect("groups:detail", pk=group.pk)
    return render(request, "groups/new.html", {"form": form})


@login_required
def group_rename(request, pk: int):
    group = _visible_group(request, pk)
    if not access.can_manage_groups(request.user, group.la):
        raise PermissionDenied
    form = GroupRenameForm(request.POST or None, initial={"name": group.name})
    if request.method == "POST" and form.is_valid():
        old_name = group.name
        renamed = attempt(
            form,
            services.rename_group,
            actor=request.user,
            via=Via.WEB,
            group=group,
            name=form.cleaned_data["name"],
            reason=form.cleaned_data["reason"],
        )
        if renamed is not REFUSED:
            messages.success(request, f"{old_name} is now called {renamed.name}")
            return redirect("groups:detail", pk=group.pk)
    return render(request, "groups/rename.html", {"group": group, "form": form})


@login_required
def member_add(request, pk: int):
    group = _visible_group(request, pk)
    editable = access.editable_establishments(request.user)
    if not editable.exists():
        raise PermissionDenied
    form = AddMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        school = editable.filter(urn=form.cleaned_data["urn"]).first()
        if school is None:
            form.add_error("urn", "Enter the URN of a school whose groups you can change")
        else:
            membership = attempt(
                form,
                services.add_member,
                actor=request.user,
                via=Via.WEB,
                group=group,
                establishment=school,
                joined_on=form.cleaned_data["joined_on"],
                reason=form.cleaned_data["reason"],
            )
            if membership is not REFUSED:
                messages.success(request, f"{services.school_label(school)} added to {group.name}")
                return redirect("groups:detail", pk=group.pk)
    return render(request, "groups/member_add.html", {"group": group, "form": form})


@login_required
def member_end(request, pk: int, membership_pk: int):
    group = _visible_group(request, pk)
    membership = get_object_or_404(
        group.memberships.select_related("establishment", "group").filter(
            establishment__in=access.visible_establishments(request.user)
        ),
        pk=membership_pk,
    )
    if not access.can_change_membership(
        request.user, group=group, establishment=membership.establishment
    ):
        raise PermissionDenied
    form = EndMembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ended = attempt(
            form,
            services.end_membership,
            actor=request.user,
            via=Via.WEB,
            membership=membership,
            left_on=form.cleaned_data["left_on"],
            reason=form.cleaned_data["reason"],
        )
        if ended is not REFUSED:
            messages.success(
                request, f"{services.school_label(membership.establishment)} left {group.name}"
            )
            return redirect("groups:detail", pk=group.pk)
    return render(
        request, "groups/member_end.html", {"group": group, "membership": membership, "form": form}
    )


def _visible_group(request, pk: int):
    return get_object_or_404(access.visible_groups(request.user).select_related("la"), pk=pk)
