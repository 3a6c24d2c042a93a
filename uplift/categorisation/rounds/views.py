"""The round pages: the LA's rounds, a round's schools with their proposals, an officer's
review of one school, the board's moderation, publication, re-categorising a school between
rounds, and a headteacher's or chair's own school. Rounds are for LA officers (their LA's)
and system administrators: anyone else is refused (403), another LA's round is not found."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from uplift.accounts import access as accounts_access
from uplift.accounts.models import Role
from uplift.audit.models import Via
from uplift.categorisation import access, services
from uplift.categorisation.models import Decision, Round, RoundStatus
from uplift.categorisation.rounds import selectors as rounds_selectors
from uplift.categorisation.rounds import services as rounds_services
from uplift.categorisation.rounds.forms import (
    BoardForm,
    BulkAcceptForm,
    DecisionForm,
    PublishForm,
    RecategoriseForm,
    StartRoundForm,
)
from uplift.core.web import REFUSED, attempt
from uplift.schools import access as schools_access
from uplift.schools.models import PhaseGroup

ROWS_PER_PAGE = 50


def _las(request):
    las = access.categorisation_las(request.user)
    if not las.exists():
        raise PermissionDenied
    return las


def _round(request, pk: int) -> Round:
    las = _las(request)
    return get_object_or_404(
        Round.objects.filter(la__in=las).select_related("la", "policy_version__policy"), pk=pk
    )


@login_required
def round_list(request):
    las = _las(request)
    form = StartRoundForm(request.POST or None, las=las)
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data["policy_version"]
        refresh = attempt(
            form,
            services.propose_round,
            actor=request.user,
            via=Via.WEB,
            la=version.policy.la,
            code=form.cleaned_data["code"],
            policy_version=version,
            reason=form.cleaned_data["reason"],
        )
        if refresh is not REFUSED:
            messages.success(request, f"Categories proposed for round {refresh.round.code}")
            return redirect("categorisation:round", pk=refresh.round.pk)
    rounds = rounds_selectors.rounds_for(las=las)
    return render(request, "categorisation/rounds/list.html", {"rounds": rounds, "form": form})


def _round_page_context(request, round_, form=None):
    """What the round page shows: one page of the filtered schools, the filters, the counts
    and the bulk accept form. A fixed number of queries whatever the round's size."""
    definition = round_.policy_version.parsed
    filters = rounds_selectors.RoundFilters.from_query(
        request.GET, category_codes={c.code for c in definition.categories}
    )
    previous = rounds_selectors.previous_round(round=round_)
    rows = rounds_selectors.filtered_rows(round=round_, filters=filters, previous=previous)
    paginator = Paginator(rows.values_list("pk", flat=True), ROWS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = rounds_selectors.page_rows(rows, page.object_list)
    counts = rounds_selectors.decision_counts(round=round_)
    open_for_review = round_.status in rounds_services.OPEN_FOR_REVIEW
    if form is None and open_for_review:
        form = BulkAcceptForm(row_ids=[row.pk for row in page.object_list])
    return {
        "round": round_,
        "definition": definition,
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "filters": filters,
        "previous": previous,
        "phases": PhaseGroup.choices,
        "decisions": [
            (key, label) for key, (label, _) in rounds_selectors.DECISION_FILTERS.items()
        ],
        "counts": counts,
        "undecided_count": counts["undecided"],
        "open_for_review": open_for_review,
        "form": form,
        "filter_query": _filter_query(filters),
        "meetings": round_.board_meetings.prefetch_related("referred__establishment"),
        "body_decisions": rounds_selectors.body_decisions(round=round_),
    }


def _filter_query(filters) -> str:
    """The filters as a query string, to come back to the same filtered page."""
    pairs = [
        ("category", filters.category),
        ("phase", filters.phase),
        ("decision", filters.decision),
        ("changed", "yes" if filters.changed else ""),
    ]
    return "&".join(f"{key}={value}" for key, value in pairs if value)


@login_required
@require_GET
def round_detail(request, pk: int):
    round_ = _round(request, pk)
    return render(
        request, "categorisation/rounds/detail.html", _round_page_context(request, round_)
    )


@login_required
@require_POST
def accept_proposals(request, pk: int):
    """Accept the policy's proposals for the ticked schools or the filtered set, then come
    back to the same filtered page. The filters travel in the address (request.GET)."""
    round_ = _round(request, pk)
    definition = round_.policy_version.parsed
    filters = rounds_selectors.RoundFilters.from_query(
        request.GET, category_codes={c.code for c in definition.categories}
    )
    form = BulkAcceptForm(
        request.POST,
        row_ids=round_.categorisations.values_list("pk", flat=True),
    )
    if form.is_valid():
        data = form.cleaned_data
        ticked = data["scope"] == BulkAcceptForm.TICKED
        accepted = attempt(
            form,
            rounds_services.accept_proposals,
            actor=request.user,
            via=Via.WEB,
            round=round_,
            reason=data["reason"],
            categorisation_ids=data["rows"] if ticked else None,
            filters=None if ticked else filters,
        )
        if accepted is not REFUSED:
            messages.success(
                request, f"Proposals accepted for {accepted} school{'s' if accepted != 1 else ''}"
            )
            query = _filter_query(filters)
            url = reverse("categorisation:round", args=[round_.pk])
            return redirect(f"{url}?{query}" if query else url)
    context = _round_page_context(request, round_, form=form)
    return render(request, "categorisation/rounds/detail.html", context, status=422)


@login_required
def school_review(request, pk: int, urn: int):
    round_ = _round(request, pk)
    row = get_object_or_404(
        round_.categorisations.select_related("establishment", "decided_by"),
        establishment__urn=urn,
    )
    definition = round_.policy_version.parsed
    form = DecisionForm(
        request.POST or None,
        definition=definition,
        initial={
            "version": row.version,
            "decision": row.decision or None,
            "category": row.final_category if row.decision == Decision.OVERRIDDEN else "",
            "reason": row.override_reason,
            "evidence": row.override_evidence,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        row.round = round_
        decided = attempt(
            form,
            rounds_services.decide_school,
            actor=request.user,
            via=Via.WEB,
            categorisation=row,
            version=data["version"],
            decision=data["decision"],
            category=data["category"],
            reason=data["reason"],
            evidence=data["evidence"],
        )
        if decided is not REFUSED:
            messages.success(request, f"{row.establishment.name}: decision saved")
            return redirect("categorisation:round", pk=round_.pk)
        row.refresh_from_db()  # show the current state beside the refusal
        form.data = form.data.copy()
        form.data["version"] = str(row.version)
    return render(
        request,
        "categorisation/rounds/review.html",
        {
            "round": round_,
            "row": row,
            "definition": definition,
            "form": form,
            "open": round_.status in rounds_services.OPEN_FOR_REVIEW,
        },
    )


@login_required
def round_moderate(request, pk: int):
    round_ = _round(request, pk)
    rows = round_.categorisations.select_related("establishment").order_by("establishment__name")
    form = BoardForm(request.POST or None, rows=rows, initial={"version": round_.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = attempt(
            form,
            rounds_services.record_board_meeting,
            actor=request.user,
            via=Via.WEB,
            round=round_,
            version=data["version"],
            held_on=data["held_on"],
            members_present=data["members_present"],
            minutes=data["minutes"],
            outcome=data["outcome"],
            comment=data["comment"],
            referred=data["referred"],
        )
        if meeting is not REFUSED:
            messages.success(request, f"Board meeting recorded: {meeting.get_outcome_display()}")
            return redirect("categorisation:round", pk=round_.pk)
    return render(
        request,
        "categorisation/rounds/moderate.html",
        {
            "round": round_,
            "form": form,
            "undecided_count": rounds_selectors.undecided_count(round=round_),
        },
    )


@login_required
def round_publish(request, pk: int):
    round_ = _round(request, pk)
    form = PublishForm(request.POST or None, initial={"version": round_.version})
    if request.method == "POST" and form.is_valid():
        publication = attempt(
            form,
            rounds_services.publish_round,
            actor=request.user,
            via=Via.WEB,
            round=round_,
            version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
        if publication is not REFUSED:
            messages.success(request, f"Round {round_.code} published")
            return redirect("categorisation:round", pk=round_.pk)
    return render(
        request,
        "categorisation/rounds/publish.html",
        {"round": round_, "form": form, "agreed": round_.status == RoundStatus.MODERATED},
    )


@login_required
def school_recategorise(request, urn: int):
    las = _las(request)
    school = get_object_or_404(
        schools_access.visible_establishments(request.user).filter(la__in=las).select_related("la"),
        urn=urn,
    )
    latest = rounds_services.latest_published_round(school.la)
    form = None
    if latest is not None:
        form = RecategoriseForm(
            request.POST or None,
            definition=latest.policy_version.parsed,
            initial={"version": rounds_selectors.category_version(establishment=school)},
        )
        if request.method == "POST" and form.is_valid():
            change = attempt(
                form,
                rounds_services.recategorise,
                actor=request.user,
                via=Via.WEB,
                establishment=school,
                **form.cleaned_data,
            )
            if change is not REFUSED:
                messages.success(request, f"{school.name} re-categorised")
                return redirect("categorisation:recategorise", urn=school.urn)
            form.data = form.data.copy()  # the page now shows the current version
            form.data["version"] = str(rounds_selectors.category_version(establishment=school))
    return render(
        request,
        "categorisation/rounds/recategorise.html",
        {
            "school": school,
            "latest": latest,
            "form": form,
            "history": rounds_selectors.category_history(establishment=school),
        },
    )


@login_required
@require_GET
def my_school(request):
    """A headteacher's or chair's own school: its published category and why."""
    profile = accounts_access.profile_of(request.user)
    if profile is None or profile.role not in (Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS):
        raise Http404("This page is for headteachers and chairs of governors")
    school = (
        schools_access.visible_establishments(request.user)
        .filter(pk=profile.establishment_id)
        .first()
    )
    if school is None:
        raise Http404("No school is linked to your account")
    return render(request, "categorisation/rounds/my_school.html", {"school": school})
