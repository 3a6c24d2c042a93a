"""People and roles: LA administrators invite people, give and remove their roles, assign
an adviser's schools and switch accounts off; an invited person sets their password."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render

from uplift.accounts.models import Role
from uplift.audit.models import Via
from uplift.core.errors import Refused
from uplift.core.web import REFUSED, attempt
from uplift.people import access, selectors, services
from uplift.people.forms import (
    AdviserSchoolsForm,
    GrantForm,
    InviteForm,
    ReasonForm,
    SetPasswordForm,
)
from uplift.people.sso import sso_enabled

PEOPLE_PER_PAGE = 50
SCHOOLS_SHOWN = 200


def _managing(request):
    if not access.can_manage_people(request.user):
        raise PermissionDenied
    return access.managed_las(request.user)


def _person(request, pk):
    found = selectors.person(request.user, pk)
    if found is None:
        raise Http404
    return found


def _site(request) -> str:
    return request.build_absolute_uri("/")


@login_required
def people_list(request):
    _managing(request)
    search = request.GET.get("q", "").strip()
    paginator = Paginator(selectors.people_for_list(request.user, search=search), PEOPLE_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "people/list.html", {"page": page, "search": search})


@login_required
def invite(request):
    las = _managing(request)
    form = InviteForm(request.POST or None, las=las, initial={"la": las.first()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = attempt(
            form,
            services.invite_person,
            actor=request.user,
            via=Via.WEB,
            la=data["la"],
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            site_url=_site(request),
        )
        if user is not REFUSED:
            messages.success(request, f"Invitation sent to {user.email}")
            return redirect("people:person", pk=user.pk)
    return render(request, "people/invite.html", {"form": form, "one_la": las.count() == 1})


@login_required
def person_page(request, pk: int):
    _managing(request)
    person = _person(request, pk)
    return render(
        request,
        "people/person.html",
        {
            "person": person,
            "grants": [(g, services.describe_grant(g)) for g in person.role_grants.all()],
            "history": selectors.person_history(person),
            "awaiting_password": not person.has_usable_password(),
        },
    )


def _grant_form(request, las, data=None):
    roles = [r for r in Role if r not in access.NATIONAL_ROLES]
    if access.is_system_admin(request.user):
        roles = list(Role)
    return GrantForm(
        data,
        roles=roles,
        las=las,
        schools=selectors.schools_of_las(las),
        boards=selectors.boards_of_las(las),
        initial={"la": las.first()},
    )


@login_required
def give_role(request, pk: int):
    las = _managing(request)
    person = _person(request, pk)
    form = _grant_form(request, las, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        grant = attempt(
            form,
            services.grant_role,
            actor=request.user,
            via=Via.WEB,
            user=person,
            role=data["role"],
            la=data["la"],
            establishment=data["establishment"],
            group=data["group"],
            reason=data["reason"],
        )
        if grant is not REFUSED:
            messages.success(request, f"{services.describe_grant(grant)} given")
            if grant.role == Role.ADVISER:
                return redirect("people:schools", pk=person.pk, grant_pk=grant.pk)
            return redirect("people:person", pk=person.pk)
    return render(request, "people/give_role.html", {"form": form, "person": person})


@login_required
def adviser_schools(request, pk: int, grant_pk: int):
    """The adviser's schools: those assigned (ticked to keep) and others, narrowed by a
    name search, to tick and add, so ten schools are assigned in one step."""
    _managing(request)
    person = _person(request, pk)
    grant = selectors.grant_of(person, grant_pk)
    if grant is None or grant.role != Role.ADVISER or grant.la is None:
        raise Http404
    search = request.GET.get("q", "").strip()
    assigned = list(grant.schools.order_by("name"))
    candidates = selectors.schools_of_las([grant.la], search=search).exclude(
        pk__in=[s.pk for s in assigned]
    )
    form = AdviserSchoolsForm(request.POST or None, initial={"caseload": grant.caseload})
    if request.method == "POST" and form.is_valid():
        chosen = set(request.POST.getlist("keep")) | set(request.POST.getlist("add"))
        schools = selectors.schools_of_las([grant.la]).filter(
            pk__in=[int(v) for v in chosen if v.isdigit()]
        )
        done = attempt(
            form,
            services.set_adviser_schools,
            actor=request.user,
            via=Via.WEB,
            grant=grant,
            schools=schools,
            caseload=form.cleaned_data["caseload"],
            reason=form.cleaned_data["reason"],
        )
        if done is not REFUSED:
            messages.success(request, f"{person.get_full_name()}'s schools saved")
            return redirect("people:person", pk=person.pk)
    shown = list(candidates[:SCHOOLS_SHOWN])
    return render(
        request,
        "people/adviser_schools.html",
        {
            "person": person,
            "grant": grant,
            "form": form,
            "assigned": assigned,
            "candidates": shown,
            "more": candidates.count() > len(shown),
            "search": search,
        },
    )


@login_required
def remove_role(request, pk: int, grant_pk: int):
    _managing(request)
    person = _person(request, pk)
    grant = selectors.grant_of(person, grant_pk)
    if grant is None:
        raise Http404
    form = ReasonForm(request.POST or None)
    described = services.describe_grant(grant)
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            services.revoke_role,
            actor=request.user,
            via=Via.WEB,
            grant=grant,
            reason=form.cleaned_data["reason"],
        )
        if done is not REFUSED:
            messages.success(request, f"{described} removed")
            return redirect("people:person", pk=person.pk)
    return render(
        request,
        "people/confirm.html",
        {
            "person": person,
            "form": form,
            "heading": f"Remove the role {described}",
            "button": "Remove the role",
        },
    )


@login_required
def switch_account(request, pk: int):
    _managing(request)
    person = _person(request, pk)
    form = ReasonForm(request.POST or None)
    active = not person.is_active
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            services.set_active,
            actor=request.user,
            via=Via.WEB,
            user=person,
            active=active,
            reason=form.cleaned_data["reason"],
        )
        if done is not REFUSED:
            messages.success(
                request, f"{person.get_full_name()}'s account switched {'on' if active else 'off'}"
            )
            return redirect("people:person", pk=person.pk)
    verb = "Switch on" if active else "Switch off"
    return render(
        request,
        "people/confirm.html",
        {
            "person": person,
            "form": form,
            "button": f"{verb} the account",
            "heading": f"{verb} {person.get_full_name()}'s account",
            "explanation": "" if active else "They will no longer be able to sign in.",
        },
    )


@login_required
def resend(request, pk: int):
    las = _managing(request)
    person = _person(request, pk)
    form = ReasonForm(request.POST or None, initial={"reason": "A new invitation link"})
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            services.resend_invitation,
            actor=request.user,
            via=Via.WEB,
            user=person,
            la=las.first(),
            reason=form.cleaned_data["reason"],
            site_url=_site(request),
        )
        if done is not REFUSED:
            messages.success(request, f"A new invitation was sent to {person.email}")
            return redirect("people:person", pk=person.pk)
    return render(
        request,
        "people/confirm.html",
        {
            "person": person,
            "form": form,
            "button": "Send a new invitation",
            "heading": f"Send {person.get_full_name()} a new invitation",
            "explanation": "Links sent before stop working.",
        },
    )


def accept(request, token: str):
    """The invitation link: the invited person sets a password (or signs in with SSO)."""
    try:
        invitation = services.open_invitation(token)
    except Refused as refused:
        return render(request, "people/invitation_unusable.html", {"why": str(refused)}, status=410)
    form = SetPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = attempt(
            form,
            services.accept_invitation,
            token=token,
            password=form.cleaned_data["password"],
            via=Via.WEB,
        )
        if user is not REFUSED:
            messages.success(request, "Your password is set. Sign in with your email address.")
            return redirect("accounts:login")
    return render(
        request,
        "people/accept.html",
        {"form": form, "invitation": invitation, "sso": sso_enabled()},
    )
