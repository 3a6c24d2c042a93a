"""The pages that set up a partnership (today's command line, as pages): create one, change
its terms (versioned), add members, schools, seats, appoint to a seat, give it a round's
role, let it hold a fund; and the LA's operating model. Each calls the same service."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from uplift.accounts.access import officer_la_scope, readable_la_scope
from uplift.accounts.models import Role
from uplift.categorisation.models import Round, RoundStatus
from uplift.core.web import REFUSED, attempt
from uplift.funds.models import Fund
from uplift.partnerships import funding, operating, services
from uplift.partnerships.models import MemberKind, Partnership, Seat
from uplift.partnerships.operating_models import PRESETS
from uplift.partnerships.setup_forms import (
    AppointForm,
    FundForm,
    MemberForm,
    OperatingModelForm,
    PartnershipForm,
    RoundRoleForm,
    SchoolsForm,
    SeatForm,
    TermsForm,
)
from uplift.partnerships.views import WEB, _managing, _partnership
from uplift.schools.models import Establishment, LocalAuthority


def _page(request, template, form, partnership=None, **extra):
    return render(
        request,
        "partnerships/setup_form.html",
        {"form": form, "p": partnership, "template": template, **extra},
    )


def _done(request, partnership, said):
    messages.success(request, said)
    return redirect("partnerships:detail", pk=partnership.pk)


@login_required
def partnership_new(request):
    scope = officer_la_scope(request.user)
    if scope is None:
        raise PermissionDenied
    las = LocalAuthority.objects.filter(scope).order_by("name")
    form = PartnershipForm(request.POST or None, las=las, initial={"quorum": "majority"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = attempt(
            form,
            services.create_partnership,
            actor=request.user,
            **WEB,
            **{key: data[key] for key in ("la", "kind", "name", "terms_of_reference", "quorum")},
            quorum_number=data["quorum_number"],
            chair_has_casting_vote=data["chair_has_casting_vote"],
        )
        if made is not REFUSED:
            return _done(request, made, f"{made.name} created")
    return _page(request, "new", form, title="Set up a partnership")


@login_required
def terms_edit(request, pk):
    partnership = _partnership(request, pk)
    change = _managing(request, partnership)
    initial = {
        "terms_of_reference": partnership.terms_of_reference,
        "quorum": partnership.quorum,
        "quorum_number": partnership.quorum_number,
        "chair_has_casting_vote": partnership.chair_has_casting_vote,
        "version": partnership.version,
    }
    form = TermsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form, services.update_terms, partnership=partnership, **form.cleaned_data, **change
        )
        if done is not REFUSED:
            return _done(request, partnership, "Terms of reference changed")
    return _page(request, "terms", form, partnership, title="Change the terms of reference")


@login_required
def member_new(request, pk):
    partnership = _partnership(request, pk)
    change = _managing(request, partnership)
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        school = None
        if data["kind"] == MemberKind.SCHOOL:
            school = Establishment.objects.filter(urn=data["urn"] or 0).first()
            if school is None:
                form.add_error("urn", "Enter the URN of a school or setting on the register")
        if not form.errors:
            done = attempt(
                form,
                services.add_member,
                partnership=partnership,
                kind=data["kind"],
                name=data["name"],
                establishment=school,
                joined_on=data["joined_on"],
                **change,
            )
            if done is not REFUSED:
                return _done(request, partnership, f"{done.name} added")
    return _page(request, "member", form, partnership, title="Add a member")


@login_required
def schools_new(request, pk):
    partnership = _partnership(request, pk)
    change = _managing(request, partnership)
    form = SchoolsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        schools = list(Establishment.objects.filter(la=partnership.la, urn__in=data["urns"]))
        missing = sorted(set(data["urns"]) - {school.urn for school in schools})
        if missing:
            form.add_error("urns", f"{partnership.la.name} has no school with URN {missing[0]}")
        else:
            done = attempt(
                form,
                services.take_responsibility,
                partnership=partnership,
                establishments=schools,
                starts_on=data["starts_on"],
                reason=data["reason"],
                **change,
            )
            if done is not REFUSED:
                return _done(request, partnership, f"Responsible for {len(done)} more schools")
    return _page(request, "schools", form, partnership, title="Add schools it is responsible for")


@login_required
def seat_new(request, pk):
    partnership = _partnership(request, pk)
    change = _managing(request, partnership)
    form = SeatForm(request.POST or None, initial={"voting": True, "term_months": 36})
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form, services.add_seat, partnership=partnership, **form.cleaned_data, **change
        )
        if done is not REFUSED:
            return _done(request, partnership, f"Seat {done.name} added")
    return _page(request, "seat", form, partnership, title="Add a seat")


@login_required
def appoint(request, pk):
    seat = get_object_or_404(Seat.objects.select_related("partnership__la"), pk=pk)
    partnership = _partnership(request, seat.partnership_id)
    change = _managing(request, partnership)
    users = (
        get_user_model()
        .objects.filter(is_active=True, profile__role=Role.BOARD_MEMBER)
        .order_by("first_name", "last_name")
    )
    form = AppointForm(request.POST or None, users=users)
    if request.method == "POST" and form.is_valid():
        done = attempt(form, services.appoint, seat=seat, **form.cleaned_data, **change)
        if done is not REFUSED:
            return _done(request, partnership, f"{done.person} appointed to {seat.name}")
    return _page(request, "appoint", form, partnership, title=f"Appoint to the seat: {seat.name}")


@login_required
def round_role_new(request, pk):
    partnership = _partnership(request, pk)
    change = _managing(request, partnership)
    rounds = (
        Round.objects.filter(la=partnership.la)
        .exclude(status=RoundStatus.PUBLISHED)
        .exclude(partnership_roles__partnership=partnership)
        .order_by("-as_at")
    )
    form = RoundRoleForm(request.POST or None, rounds=rounds)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form, services.give_round_role, partnership=partnership, **form.cleaned_data, **change
        )
        if done is not REFUSED:
            return _done(
                request, partnership, f"It agrees the categories of round {done.round.code}"
            )
    return _page(request, "round_role", form, partnership, title="Agree a round's categories")


@login_required
def fund_new(request, pk):
    partnership = _partnership(request, pk)
    change = _managing(request, partnership)
    funds = Fund.objects.filter(la=partnership.la, owner_kind__in=funding.HOLDING_KINDS).exclude(
        pk__in=partnership.fund_holdings.values("fund_id")
    )
    form = FundForm(request.POST or None, funds=funds.order_by("-financial_year", "name"))
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form, funding.hold_fund, partnership=partnership, **form.cleaned_data, **change
        )
        if done is not REFUSED:
            return _done(request, partnership, f"It holds {done.fund.name}")
    return _page(request, "fund", form, partnership, title="Hold a fund")


@login_required
def operating_model(request, code):
    scope = readable_la_scope(request.user)
    if scope is None:
        raise PermissionDenied
    la = get_object_or_404(LocalAuthority.objects.filter(scope), code=code)
    current = operating.operating_model_of(la)
    manages = officer_la_scope(request.user)
    can_choose = manages is not None and LocalAuthority.objects.filter(manages, pk=la.pk).exists()
    form = None
    if can_choose:
        initial = {"version": current.version} if current else {}
        if current:
            initial |= {"preset": current.preset, "lead_partnership": current.lead_partnership}
        form = OperatingModelForm(
            request.POST or None,
            initial=initial,
            partnerships=Partnership.objects.filter(la=la).order_by("name"),
        )
        if request.method == "POST" and form.is_valid():
            done = attempt(
                form,
                operating.choose_operating_model,
                actor=request.user,
                la=la,
                **WEB,
                **form.cleaned_data,
            )
            if done is not REFUSED:
                messages.success(request, f"Operating model: {PRESETS[done.preset].label}")
                return redirect("partnerships:operating_model", code=la.code)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "partnerships/operating_model.html",
        {"la": la, "current": current, "form": form, "presets": PRESETS.values()},
    )
