"""Monitoring board (MSP) pages: a school's meetings, recording a meeting with its actions,
a meeting, adding an action, marking an action done. Meetings are for LA staff
(access.visible_meetings): anyone else gets 404. Recording is for those who run the
school's casework (403 otherwise); an action is marked done by its owner or an officer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from uplift.audit.models import Via
from uplift.casework import access
from uplift.casework.letters.views import case_url
from uplift.casework.meetings import selectors, services
from uplift.casework.meetings.forms import ActionForm, DoneForm, MeetingForm
from uplift.core.web import REFUSED, attempt


def _school(request, urn: int):
    return get_object_or_404(
        access.meeting_establishments(request.user).select_related("la"), urn=urn
    )


@login_required
@require_GET
def school_meetings(request, urn: int):
    school = _school(request, urn)
    return render(
        request,
        "casework/meetings/list.html",
        {
            "school": school,
            "meetings": selectors.school_meetings(user=request.user, establishment=school),
            "can_record": access.can_run_casework(request.user, school),
        },
    )


@login_required
def meeting_new(request, urn: int):
    school = _school(request, urn)
    if not access.can_run_casework(request.user, school):
        raise PermissionDenied
    case = None
    case_pk = request.POST.get("case") or request.GET.get("case")
    if case_pk:
        if not str(case_pk).isdigit():
            raise Http404("No such case")
        case = get_object_or_404(
            access.visible_cases(request.user).filter(establishment=school), pk=int(case_pk)
        )
    owners = selectors.action_owners(establishment=school)
    form = MeetingForm(request.POST or None, owners=owners)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = attempt(
            form,
            services.record_meeting,
            actor=request.user,
            via=Via.WEB,
            establishment=school,
            case=case,
            held_on=data["held_on"],
            members=data["member_list"],
            minutes=data["minutes"],
            actions=data["actions"],
        )
        if meeting is not REFUSED:
            messages.success(request, "Meeting recorded")
            return redirect("casework:meeting_detail", pk=meeting.pk)
    return render(
        request,
        "casework/meetings/new.html",
        {"school": school, "case": case, "form": form},
    )


def _meeting(request, pk: int):
    meeting = selectors.meeting_for(user=request.user, pk=pk)
    if meeting is None:
        raise Http404("No such meeting")
    return meeting


@login_required
@require_GET
def meeting_detail(request, pk: int):
    meeting = _meeting(request, pk)
    school = meeting.establishment
    return render(
        request,
        "casework/meetings/detail.html",
        {
            "meeting": meeting,
            "school": school,
            "can_record": access.can_run_casework(request.user, school),
            "case_url": case_url(meeting.case) if meeting.case else None,
            "today": timezone.localdate(),
        },
    )


@login_required
def action_new(request, pk: int):
    meeting = _meeting(request, pk)
    school = meeting.establishment
    if not access.can_run_casework(request.user, school):
        raise PermissionDenied
    form = ActionForm(request.POST or None, owners=selectors.action_owners(establishment=school))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = attempt(
            form,
            services.add_meeting_action,
            actor=request.user,
            via=Via.WEB,
            meeting=meeting,
            description=data["description"],
            owner=data["owner"],
            due_on=data["due_on"],
        )
        if action is not REFUSED:
            messages.success(request, "Action added")
            return redirect("casework:meeting_detail", pk=meeting.pk)
    return render(
        request,
        "casework/meetings/action_new.html",
        {"meeting": meeting, "school": school, "form": form},
    )


@login_required
def action_done(request, pk: int):
    action = selectors.action_for(user=request.user, pk=pk)
    if action is None:
        raise Http404("No such action")
    if not services.can_complete_action(request.user, action):
        raise PermissionDenied
    form = DoneForm(request.POST or None, initial={"done_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            services.complete_action,
            actor=request.user,
            via=Via.WEB,
            action=action,
            done_on=form.cleaned_data["done_on"],
            note=form.cleaned_data["note"],
        )
        if done is not REFUSED:
            messages.success(request, "Action marked done")
            if selectors.meeting_for(user=request.user, pk=action.meeting_id) is not None:
                return redirect("casework:meeting_detail", pk=action.meeting_id)
            return redirect("casework:meeting_action_done", pk=action.pk)
    return render(
        request,
        "casework/meetings/action_done.html",
        {"action": action, "meeting": action.meeting, "form": form},
    )
