"""Partnership pages: the list, a partnership (terms, members, schools, seats and
vacancies, meetings), a meeting (agenda, papers, attendance and quorum, motions and votes,
actions, minutes as a PDF), and the board's view of its schools in a round. Changes go
through the services; none of the pages needs JavaScript."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from uplift.accounts.access import readable_la_scope
from uplift.audit.models import Via
from uplift.categorisation.models import Decision, Round
from uplift.core.web import REFUSED, attempt
from uplift.partnerships import access, meetings, selectors
from uplift.partnerships.forms import (
    ActionForm,
    AttendanceForm,
    DoneForm,
    MeetingForm,
    MotionForm,
    PaperForm,
    VotesForm,
)
from uplift.partnerships.models import Action, Meeting, Motion, Paper, Resolve, Sight
from uplift.partnerships.operating import operating_model_of
from uplift.partnerships.render import minutes_pdf
from uplift.partnerships.report import consortium_report

WEB = {"via": Via.WEB}


def _partnership(request, pk):
    return get_object_or_404(
        access.visible_partnerships(request.user).select_related("la", "group"), pk=pk
    )


def _meeting(request, pk):
    return get_object_or_404(
        Meeting.objects.select_related("partnership__la", "round").filter(
            partnership__in=access.visible_partnerships(request.user)
        ),
        pk=pk,
    )


def _managing(request, partnership):
    if not access.can_manage(request.user, partnership):
        raise PermissionDenied
    return {"actor": request.user, **WEB}


@login_required
def partnership_list(request):
    return render(
        request,
        "partnerships/list.html",
        {
            "partnerships": selectors.partnerships_for_list(request.user)[:200],
            "can_create": access.officer_la_scope(request.user) is not None,
            "own_la": _own_la(request.user),
        },
    )


def _own_la(user):
    """The LA of an LA staff member (for the link to its operating model)."""
    profile = access.profile_of(user)
    if profile is None or profile.role not in access.SEE_THEIR_LA or not profile.la_id:
        return None
    return profile.la


@login_required
def partnership_detail(request, pk):
    partnership = _partnership(request, pk)
    return render(
        request,
        "partnerships/detail.html",
        {
            "o": selectors.overview(partnership),
            "can_manage": access.can_manage(request.user, partnership),
        },
    )


@login_required
def board_round(request, pk, round_pk):
    """The proposed categories of the board's schools in a round that gives it the role,
    with their evidence and a link to each profile."""
    partnership = _partnership(request, pk)
    role = get_object_or_404(
        partnership.round_roles.select_related("round__la", "round__policy_version"),
        round_id=round_pk,
    )
    round_ = role.round
    return render(
        request,
        "partnerships/round.html",
        {
            "partnership": partnership,
            "round": round_,
            "definition": round_.policy_version.parsed,
            "rows": selectors.board_round_rows(partnership=partnership, round_=round_),
        },
    )


@login_required
def meeting_new(request, pk):
    partnership = _partnership(request, pk)
    change = _managing(request, partnership)
    rounds = Round.objects.filter(partnership_roles__partnership=partnership).order_by("-as_at")
    form = MeetingForm(request.POST or None, rounds=rounds)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = attempt(
            form,
            meetings.schedule_meeting,
            partnership=partnership,
            held_on=data["held_on"],
            title=data["title"],
            agenda=data["agenda"].splitlines(),
            round=data["round"],
            **change,
        )
        if meeting is not REFUSED:
            messages.success(request, f"Meeting of {meeting.held_on:%-d %B %Y} added")
            return redirect("partnerships:meeting", pk=meeting.pk)
    return render(request, "partnerships/meeting_new.html", {"p": partnership, "form": form})


@login_required
def meeting_detail(request, pk):
    meeting = _meeting(request, pk)
    return render(
        request,
        "partnerships/meeting.html",
        {
            "v": selectors.meeting_view(meeting),
            "can_manage": access.can_manage(request.user, meeting.partnership),
        },
    )


@login_required
def attendance(request, pk):
    meeting = _meeting(request, pk)
    change = _managing(request, meeting.partnership)
    seats = meeting.partnership.seats.all()
    initial = {
        "seats": meeting.attendance.values_list("seat_id", flat=True),
        "version": meeting.version,
    }
    form = AttendanceForm(request.POST or None, seats=seats, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            meetings.record_attendance,
            meeting=meeting,
            version=form.cleaned_data["version"],
            seats=form.cleaned_data["seats"],
            **change,
        )
        if done is not REFUSED:
            messages.success(request, "Attendance recorded")
            return redirect("partnerships:meeting", pk=meeting.pk)
    return render(request, "partnerships/attendance.html", {"meeting": meeting, "form": form})


@login_required
def motion_new(request, pk):
    meeting = _meeting(request, pk)
    change = _managing(request, meeting.partnership)
    rows = []
    if meeting.round is not None:
        rows = [
            row
            for row in selectors.board_round_rows(
                partnership=meeting.partnership, round_=meeting.round
            )
            if row.decision == Decision.UNDECIDED
        ]
    form = MotionForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        motion = attempt(
            form,
            meetings.propose_motion,
            meeting=meeting,
            text=form.cleaned_data["text"],
            agree=form.resolved(Resolve.AGREE),
            refer=form.resolved(Resolve.REFER),
            **change,
        )
        if motion is not REFUSED:
            return redirect("partnerships:votes", pk=motion.pk)
    return render(request, "partnerships/motion_new.html", {"meeting": meeting, "form": form})


@login_required
def votes(request, pk):
    motion = get_object_or_404(
        Motion.objects.select_related("meeting__partnership__la").filter(
            meeting__partnership__in=access.visible_partnerships(request.user)
        ),
        pk=pk,
    )
    meeting = motion.meeting
    change = _managing(request, meeting.partnership)
    seats = [row.seat for row in meeting.attendance.select_related("seat") if row.seat.voting]
    form = VotesForm(request.POST or None, seats=seats)
    if request.method == "POST" and form.is_valid():
        decided = attempt(
            form,
            meetings.record_votes,
            motion=motion,
            votes=form.votes(),
            casting_vote=form.cleaned_data["casting_vote"],
            **change,
        )
        if decided is not REFUSED:
            messages.success(request, f"The motion was {decided.get_outcome_display().lower()}")
            return redirect("partnerships:meeting", pk=meeting.pk)
    return render(
        request,
        "partnerships/votes.html",
        {
            "motion": motion,
            "meeting": meeting,
            "form": form,
            "quorum": meetings.meeting_quorum(meeting),
        },
    )


@login_required
def action_new(request, pk):
    meeting = _meeting(request, pk)
    change = _managing(request, meeting.partnership)
    owners = (
        get_user_model()
        .objects.filter(
            Q(seat_holdings__seat__partnership=meeting.partnership) | Q(pk=request.user.pk)
        )
        .distinct()
    )
    form = ActionForm(request.POST or None, owners=owners.order_by("first_name"))
    if request.method == "POST" and form.is_valid():
        done = attempt(form, meetings.add_action, meeting=meeting, **form.cleaned_data, **change)
        if done is not REFUSED:
            messages.success(request, "Action added")
            return redirect("partnerships:meeting", pk=meeting.pk)
    return render(request, "partnerships/action_new.html", {"meeting": meeting, "form": form})


@login_required
def action_done(request, pk):
    action = get_object_or_404(
        Action.objects.select_related("meeting__partnership__la", "owner").filter(
            Q(owner=request.user)
            | Q(meeting__partnership__in=access.visible_partnerships(request.user))
        ),
        pk=pk,
    )
    if action.owner_id != request.user.pk and not access.can_manage(
        request.user, action.meeting.partnership
    ):
        raise PermissionDenied
    form = DoneForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            meetings.complete_action,
            actor=request.user,
            action=action,
            done_on=form.cleaned_data["done_on"],
            **WEB,
        )
        if done is not REFUSED:
            messages.success(request, "Action marked done")
            return redirect("partnerships:meeting", pk=action.meeting_id)
    return render(request, "partnerships/action_done.html", {"action": action, "form": form})


@login_required
def paper_new(request, pk):
    meeting = _meeting(request, pk)
    change = _managing(request, meeting.partnership)
    form = PaperForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        paper = attempt(
            form,
            meetings.add_paper,
            meeting=meeting,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
            **change,
        )
        if paper is not REFUSED:
            messages.success(request, f"{paper.title} added")
            return redirect("partnerships:meeting", pk=meeting.pk)
    return render(request, "partnerships/paper_new.html", {"meeting": meeting, "form": form})


@login_required
def paper_download(request, pk):
    paper = get_object_or_404(
        Paper.objects.filter(meeting__partnership__in=access.visible_partnerships(request.user)),
        pk=pk,
    )
    return FileResponse(paper.file.open("rb"), content_type=paper.content_type, as_attachment=True)


@login_required
def minutes(request, pk):
    meeting = _meeting(request, pk)
    response = HttpResponse(
        minutes_pdf(selectors.meeting_view(meeting)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="minutes-{meeting.held_on}.pdf"'
    return response


@login_required
def report(request, pk):
    """The consortium report, for whoever reads the partnership."""
    partnership = _partnership(request, pk)
    return render(
        request,
        "partnerships/report.html",
        {
            "r": consortium_report(partnership),
            "show_support": shows_support(request.user, partnership),
        },
    )


def shows_support(user, partnership) -> bool:
    """Board members see their schools' support unless the LA's operating model limits
    partnerships to categories and profiles; the LA's staff always do."""
    if readable_la_scope(user) is not None:
        return True
    model = operating_model_of(partnership.la)
    return model is None or model.partnerships_see != Sight.SCHOOLS
