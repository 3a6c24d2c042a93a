"""The visit pages: a school's visits and its entitlement this year, scheduling a visit, a
visit with its note, each step of the note (write, share, comment, finalise, cancel), the
finalised note as a PDF, and the LA's note-of-visit templates.

What a user may see comes from the app's access module: a visit or school outside their scope
is not found (404); a step their role may not take is refused (403). A refused step re-renders
its form with the rule that blocks it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from uplift.audit.models import Via
from uplift.casework import access as casework_access
from uplift.core.web import REFUSED, attempt
from uplift.schools import access as schools_access
from uplift.support import access
from uplift.support.models import VisitStatus
from uplift.support.visits import selectors, services
from uplift.support.visits.entitlement import academic_year_of, entitlement, parse_academic_year
from uplift.support.visits.forms import (
    CancelForm,
    ChooseSchoolForm,
    CommentForm,
    NoteForm,
    NoteTemplateForm,
    ScheduleVisitForm,
    VersionedForm,
)

WRITABLE = (VisitStatus.SCHEDULED, VisitStatus.DRAFTED)


def _refresh_version(form, visit) -> None:
    """After a refusal, show the current state and let the user try again from it."""
    visit.refresh_from_db()
    form.data = form.data.copy()
    form.data["version"] = str(visit.version)


def _actions(user, visit) -> dict:
    """Which steps the user may take on the visit now (for the detail page's buttons)."""
    writer = access.can_write_note(user, visit)
    return {
        "write": writer and visit.status in WRITABLE,
        "share": writer and visit.status == VisitStatus.DRAFTED,
        "comment": access.can_comment_on_note(user, visit)
        and visit.status == VisitStatus.AWAITING_COMMENT,
        "finalise": writer and visit.status == VisitStatus.COMMENTED,
        "cancel": access.can_cancel_visit(user, visit)
        and visit.status not in (VisitStatus.FINALISED, VisitStatus.CANCELLED),
        "pdf": visit.status == VisitStatus.FINALISED,
    }


@login_required
@require_GET
def school_visits(request, urn: int):
    school = selectors.support_school(user=request.user, urn=urn)
    this_year = academic_year_of(timezone.localdate())
    year = request.GET.get("year", "") or this_year
    try:
        parse_academic_year(year)
    except ValueError:
        year = this_year
    years = selectors.school_years(user=request.user, establishment=school)
    choices = sorted({this_year, year, *years}, reverse=True)
    return render(
        request,
        "support/visits/school.html",
        {
            "school": school,
            "year": year,
            "this_year": this_year,
            "years": choices,
            "entitlement": entitlement(establishment=school, academic_year=year),
            "visits": selectors.school_visits(
                user=request.user, establishment=school, academic_year=year
            ),
            "can_plan": access.can_plan_support(request.user, school),
        },
    )


@login_required
def visit_new(request):
    if not schools_access.editable_establishments(request.user).exists():
        raise PermissionDenied
    urn = request.GET.get("urn", "").strip()
    if not urn.isdigit():
        chooser = ChooseSchoolForm(request.GET if urn else None)
        if urn:
            chooser.is_valid()
        return render(request, "support/visits/choose_school.html", {"form": chooser})
    school = get_object_or_404(
        schools_access.visible_establishments(request.user).select_related("la"), urn=int(urn)
    )
    if not access.can_plan_support(request.user, school):
        raise PermissionDenied
    advisers = selectors.advisers_for(establishment=school)
    initial = {}
    if selectors.is_adviser(request.user) and advisers.filter(pk=request.user.pk).exists():
        initial["adviser"] = request.user.pk
    form = ScheduleVisitForm(request.POST or None, advisers=advisers, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        visit = attempt(
            form,
            services.schedule_visit,
            actor=request.user,
            via=Via.WEB,
            establishment=school,
            adviser=data["adviser"],
            scheduled_for=data["scheduled_for"],
            purpose=data["purpose"],
        )
        if visit is not REFUSED:
            messages.success(request, f"Visit to {school.name} scheduled")
            return redirect("support:visit_detail", pk=visit.pk)
    return render(request, "support/visits/new.html", {"school": school, "form": form})


@login_required
@require_GET
def visit_detail(request, pk: int):
    visit = selectors.visit_in_scope(user=request.user, pk=pk)
    readable = access.can_read_note(request.user, visit)
    return render(
        request,
        "support/visits/detail.html",
        {
            "visit": visit,
            "school": visit.establishment,
            "can_read_note": readable,
            "actions": _actions(request.user, visit),
            "can_see_school_visits": _can_see_school_visits(request.user, visit.establishment),
        },
    )


def _can_see_school_visits(user, school) -> bool:
    allowed = access.support_establishments(user)
    return allowed is not None and allowed.filter(pk=school.pk).exists()


def _visit_for(request, pk: int, may) -> object:
    visit = selectors.visit_in_scope(user=request.user, pk=pk)
    if not may(request.user, visit):
        raise PermissionDenied
    return visit


@login_required
def visit_note(request, pk: int):
    visit = _visit_for(request, pk, access.can_write_note)
    headings = services.note_headings(visit)
    texts = {section["heading"]: section.get("text", "") for section in visit.note}
    initial = {"version": visit.version}
    initial.update({f"section_{i}": texts.get(h, "") for i, h in enumerate(headings)})
    form = NoteForm(
        request.POST or None,
        headings=headings,
        prompts=services.note_prompts(visit),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            form,
            services.save_note,
            actor=request.user,
            via=Via.WEB,
            visit=visit,
            sections=form.sections(),
            version=form.cleaned_data["version"],
        )
        if saved is not REFUSED:
            messages.success(request, "Note of visit saved")
            return redirect("support:visit_detail", pk=visit.pk)
        _refresh_version(form, visit)
    return render(
        request,
        "support/visits/note.html",
        {"visit": visit, "form": form, "open": visit.status in WRITABLE},
    )


def _step(request, pk: int, *, may, form_class, service, template, done, **extra):
    """A confirmation page for one step of the workflow, and its POST."""
    visit = _visit_for(request, pk, may)
    form = form_class(request.POST or None, initial={"version": visit.version})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        changed = attempt(
            form,
            service,
            actor=request.user,
            via=Via.WEB,
            visit=visit,
            **data,
        )
        if changed is not REFUSED:
            messages.success(request, done)
            return redirect("support:visit_detail", pk=visit.pk)
        _refresh_version(form, visit)
    context = {
        "visit": visit,
        "form": form,
        "can_read_note": access.can_read_note(request.user, visit),
        **extra,
    }
    return render(request, template, context)


@login_required
def visit_share(request, pk: int):
    return _step(
        request,
        pk,
        may=access.can_write_note,
        form_class=VersionedForm,
        service=services.share_note,
        template="support/visits/share.html",
        done="Note shared with the headteacher for comment",
    )


@login_required
def visit_comment(request, pk: int):
    return _step(
        request,
        pk,
        may=access.can_comment_on_note,
        form_class=CommentForm,
        service=services.comment_on_note,
        template="support/visits/comment.html",
        done="Your comment has been added to the note",
    )


@login_required
def visit_finalise(request, pk: int):
    return _step(
        request,
        pk,
        may=access.can_write_note,
        form_class=VersionedForm,
        service=services.finalise_note,
        template="support/visits/finalise.html",
        done="Note of visit finalised: the visit counts against the school's entitlement",
    )


@login_required
def visit_cancel(request, pk: int):
    return _step(
        request,
        pk,
        may=access.can_cancel_visit,
        form_class=CancelForm,
        service=services.cancel_visit,
        template="support/visits/cancel.html",
        done="Visit cancelled",
    )


@login_required
@require_GET
def visit_pdf(request, pk: int):
    """The finalised note of visit as a PDF (not found before it is finalised)."""
    visit = selectors.visit_in_scope(user=request.user, pk=pk)
    if not access.can_read_note(request.user, visit) or visit.status != VisitStatus.FINALISED:
        raise Http404("No finalised note of visit")
    from weasyprint import HTML

    html = render_to_string("support/visits/note_pdf.html", {"visit": visit})
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"note-of-visit-{visit.establishment.urn}-{visit.scheduled_for:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


# The LA's note-of-visit templates


def _template_las(request):
    las = casework_access.casework_las(request.user)
    if not las.exists():
        raise PermissionDenied
    return las


@login_required
@require_http_methods(["GET", "POST"])
def note_templates(request):
    """The LAs' templates. An LA without one is offered the standard headings, set up by a
    POST (a GET never writes)."""
    las = _template_las(request)
    if request.method == "POST":
        la = get_object_or_404(las, code=request.POST.get("la", ""))
        template = services.ensure_default_note_template(la=la, actor=request.user, via=Via.WEB)
        return redirect("support:note_template_edit", pk=template.pk)
    templates = selectors.note_templates(user=request.user)
    without = las.exclude(pk__in=templates.filter(is_default=True).values("la")).order_by("name")
    return render(
        request,
        "support/note_templates/list.html",
        {"templates": templates, "without_template": without},
    )


@login_required
def note_template_edit(request, pk: int):
    _template_las(request)
    template = get_object_or_404(selectors.note_templates(user=request.user), pk=pk)
    form = NoteTemplateForm(
        request.POST or None,
        sections=template.sections,
        initial={"version": template.version, "name": template.name},
    )
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            form,
            services.save_note_template,
            actor=request.user,
            via=Via.WEB,
            template=template,
            name=form.cleaned_data["name"],
            sections=form.sections(),
            version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
        if saved is not REFUSED:
            messages.success(request, f"Template {saved.name} saved")
            return redirect("support:note_templates")
        template.refresh_from_db()
        form.data = form.data.copy()
        form.data["version"] = str(template.version)
    return render(request, "support/note_templates/edit.html", {"template": template, "form": form})
