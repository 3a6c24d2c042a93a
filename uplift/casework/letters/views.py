"""Letter pages: the LA's templates and their editing, a new letter for a case (preview,
then generate), a letter with its sending log, its PDF, recording its sending, and a
headteacher's or chair's own school's sent letters and warning notices.

Templates are for those who run the LA's casework (403 for anyone else). A letter, a case
or a template the user may not read answers 404; an action they may not take, 403."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from uplift.accounts import access as accounts_access
from uplift.accounts.models import Role
from uplift.audit.models import Via
from uplift.casework import access
from uplift.casework.letters import selectors, services
from uplift.casework.letters.defaults import DEFAULT_TEMPLATES
from uplift.casework.letters.forms import PLACEHOLDER_LIST, LetterForm, SendingForm, TemplateForm
from uplift.casework.models import ConcernCase
from uplift.core.web import REFUSED, attempt
from uplift.schools import access as schools_access
from uplift.schools.models import LocalAuthority


def case_url(case) -> str:
    return reverse("casework:case_detail", args=[case.pk])


def _casework_las(request):
    las = access.casework_las(request.user)
    if not las.exists():
        raise PermissionDenied
    return las


def _missing_defaults(la) -> bool:
    """Whether the LA lacks one of the standard letters (set up by a POST, never on a GET)."""
    kinds = set(la.letter_templates.values_list("kind", flat=True))
    return not set(DEFAULT_TEMPLATES) <= kinds


@login_required
@require_http_methods(["GET", "POST"])
def template_list(request):
    """An LA's letter templates. Its missing standard letters are set up by a POST (a GET
    never writes), from here or from a new letter's page (`next`)."""
    las = _casework_las(request)
    if request.method == "POST":
        la = get_object_or_404(las, code=request.POST.get("la", ""))
        services.ensure_default_letter_templates(la=la, actor=request.user, via=Via.WEB)
        back = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            return redirect(back)
        return redirect(f"{reverse('casework:letter_templates')}?la={la.code}")
    chosen = None
    if las.count() == 1:
        chosen = las.get()
    elif request.GET.get("la"):
        chosen = get_object_or_404(las, code=request.GET["la"])
    templates = selectors.letter_templates(las=[chosen] if chosen else las)
    return render(
        request,
        "casework/letters/templates.html",
        {
            "templates": templates,
            "chosen": chosen,
            "missing_defaults": chosen is not None and _missing_defaults(chosen),
            "las": LocalAuthority.objects.filter(pk__in=las).order_by("name")
            if chosen is None or las.count() > 1
            else [],
        },
    )


@login_required
def template_edit(request, pk: int):
    las = _casework_las(request)
    template = get_object_or_404(selectors.letter_templates(las=las), pk=pk)
    initial = {
        "version": template.version,
        "name": template.name,
        "subject": template.subject,
        "body": template.body,
    }
    form = TemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = attempt(
            form,
            services.update_letter_template,
            actor=request.user,
            via=Via.WEB,
            template=template,
            version=data["version"],
            name=data["name"],
            subject=data["subject"],
            body=data["body"],
            reason=data["reason"],
        )
        if saved is not REFUSED:
            messages.success(request, f"{saved.name} saved (version {saved.version})")
            return redirect("casework:letter_templates")
        template.refresh_from_db()
    return render(
        request,
        "casework/letters/template_edit.html",
        {"template": template, "form": form, "placeholders": PLACEHOLDER_LIST},
    )


def _visible_case(request, case_pk: int) -> ConcernCase:
    return get_object_or_404(
        access.visible_cases(request.user).select_related("establishment__la"), pk=case_pk
    )


@login_required
def letter_new(request, case_pk: int):
    case = _visible_case(request, case_pk)
    if not access.can_run_casework(request.user, case.establishment):
        raise PermissionDenied
    la = case.establishment.la
    if request.method == "POST" and _missing_defaults(la):
        services.ensure_default_letter_templates(la=la, actor=request.user, via=Via.WEB)
    templates = selectors.templates_for_case(user=request.user, case=case)
    form = LetterForm(request.POST or None, templates=templates)
    preview = None
    if request.method == "POST" and form.is_valid():
        template = form.cleaned_data["template"]
        if request.POST.get("action") == "generate":
            letter = attempt(
                form,
                services.generate_letter,
                actor=request.user,
                via=Via.WEB,
                case=case,
                template=template,
                note=form.cleaned_data["note"],
            )
            if letter is not REFUSED:
                messages.success(request, f"{letter.get_kind_display()} generated")
                return redirect("casework:letter_detail", pk=letter.pk)
        else:
            preview = services.render_letter(
                case=case, template=template, officer=request.user, on=timezone.localdate()
            )
    return render(
        request,
        "casework/letters/new.html",
        {
            "case": case,
            "form": form,
            "preview": preview,
            "case_url": case_url(case),
            "missing_defaults": _missing_defaults(la),
        },
    )


def _letter(request, pk: int, *, with_pdf: bool = False):
    letter = selectors.letter_for(user=request.user, pk=pk, with_pdf=with_pdf)
    if letter is None:
        raise Http404("No such letter")
    return letter


@login_required
@require_GET
def letter_detail(request, pk: int):
    letter = _letter(request, pk)
    school = letter.case.establishment
    return render(
        request,
        "casework/letters/detail.html",
        {
            "letter": letter,
            "school": school,
            "can_send": access.can_run_casework(request.user, school) and not letter.is_sent,
            "is_staff": access.visible_cases(request.user).filter(pk=letter.case_id).exists(),
            "case_url": case_url(letter.case),
        },
    )


@login_required
@require_GET
def letter_pdf(request, pk: int):
    letter = _letter(request, pk, with_pdf=True)
    services.log_letter_viewed(actor=request.user, via=Via.WEB, letter=letter)
    response = HttpResponse(services.letter_pdf_content(letter), content_type="application/pdf")
    disposition = "attachment" if request.GET.get("download") else "inline"
    response["Content-Disposition"] = (
        f'{disposition}; filename="{services.letter_filename(letter)}"'
    )
    return response


@login_required
def letter_send(request, pk: int):
    letter = _letter(request, pk)
    school = letter.case.establishment
    if not access.can_run_casework(request.user, school):
        raise PermissionDenied
    form = SendingForm(request.POST or None, initial={"sent_to": ""})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        sent = attempt(
            form,
            services.record_letter_sent,
            actor=request.user,
            via=Via.WEB,
            letter=letter,
            sent_on=data["sent_on"],
            method=data["method"],
            sent_to=data["sent_to"],
            email=data["email"],
        )
        if sent is not REFUSED:
            messages.success(request, f"Sending recorded: {sent.get_sent_method_display()}")
            return redirect("casework:letter_detail", pk=letter.pk)
    return render(
        request,
        "casework/letters/send.html",
        {"letter": letter, "school": school, "form": form},
    )


@login_required
@require_GET
def my_school_letters(request):
    """A headteacher's or chair's own school's sent letters and warning notices."""
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
    return render(
        request,
        "casework/letters/my_school.html",
        {
            "school": school,
            "letters": selectors.school_sent_letters(user=request.user, establishment=school),
            "notices": selectors.school_warning_notices(user=request.user, establishment=school),
        },
    )
