"""Feedback pages: the roll-ups per provider and per service (officers, with a CSV), a
head's own surveys, answering a survey signed in, and answering by the emailed link without
signing in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from uplift.audit.models import Via
from uplift.core.errors import Refused
from uplift.core.web import REFUSED, attempt
from uplift.feedback import access, selectors, services
from uplift.feedback.exports import write_rollup_csv
from uplift.feedback.forms import SurveyForm
from uplift.feedback.questions import scale_label


def _uses(request):
    if not access.uses_feedback(request.user):
        raise PermissionDenied


@login_required
@require_GET
def index(request):
    _uses(request)
    user = request.user
    context = {"officer": access.reads_rollups(user)}
    if context["officer"]:
        context["by_provider"] = selectors.rollup(user=user, by="provider")
        context["by_service"] = selectors.rollup(user=user, by="service")
    own = selectors.surveys(user=user).filter(
        establishment_id__in=sorted(access.head_school_ids(user))
    )
    context["to_answer"] = [s for s in own if not s.answered]
    context["answered"] = [s for s in own if s.answered]
    if context["officer"]:
        context["recent"] = list(selectors.surveys(user=user)[:20])
    return render(request, "feedback/index.html", context)


@login_required
@require_GET
def rollup_csv(request):
    if not access.reads_rollups(request.user):
        raise PermissionDenied
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="feedback-rollup.csv"'
    write_rollup_csv(response, access.visible_surveys(request.user))
    return response


def _answers(survey):
    given = {answer.question: answer.rating for answer in survey.answers.all()}
    return [
        (question["text"], scale_label(given.get(question["key"], 0)))
        for question in survey.questions
    ]


def _form_page(request, survey, *, by_link: bool, template_context: dict):
    form = SurveyForm(request.POST or None, questions=survey.questions)
    if request.method == "POST" and form.is_valid():
        saved = attempt(
            form,
            services.answer_survey,
            actor=request.user,
            via=Via.WEB,
            survey=survey,
            ratings=form.ratings(),
            comments=form.cleaned_data["comments"],
            by_link=by_link,
        )
        if saved is not REFUSED:
            return None
    return render(
        request,
        "feedback/answer.html",
        {"survey": survey, "form": form, "by_link": by_link, **template_context},
    )


@login_required
def survey_detail(request, pk: int):
    _uses(request)
    survey = selectors.survey_for(user=request.user, pk=pk)
    if survey.answered or not access.may_answer(request.user, survey):
        if request.method == "POST":
            raise PermissionDenied
        return render(
            request, "feedback/survey.html", {"survey": survey, "answers": _answers(survey)}
        )
    page = _form_page(request, survey, by_link=False, template_context={})
    if page is None:
        messages.success(request, "Thank you: your feedback has been saved")
        return redirect("feedback:index")
    return page


def answer_by_link(request, token: str):
    """The link emailed to the head: no sign-in needed, it works once and until it expires."""
    try:
        survey = services.survey_for_link(token)
    except Refused as refused:
        return render(request, "feedback/link_closed.html", {"reason": str(refused)}, status=410)
    page = _form_page(request, survey, by_link=True, template_context={})
    if page is None:
        return render(request, "feedback/thanks.html", {"survey": survey})
    return page
