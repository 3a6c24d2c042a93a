from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from uplift.audit.models import Via
from uplift.brokerage import access, selectors
from uplift.brokerage.forms import CommentForm, ExitForm, ReviewForm, SessionForm
from uplift.brokerage.services import deployments
from uplift.brokerage.views.common import reader
from uplift.core.web import REFUSED, attempt


@login_required
@require_GET
def deployment_list(request):
    reader(request)
    found = selectors.deployments(user=request.user)
    return render(request, "brokerage/deployments.html", {"deployments": found[:200]})


def _forms(request, deployment, posted: str):
    """Each form the user may use on the page, bound only if it is the one posted."""
    user = request.user
    manages = access.can_manage(user, deployment.establishment.la_id)
    offered = {}
    if deployment.is_running and access.can_log_session(user, deployment):
        offered["session"] = SessionForm
    if manages and deployment.is_running:
        offered["review"] = ReviewForm
        offered["exit"] = ExitForm
    forms = {}
    for name, form_class in offered.items():
        data = request.POST if posted == name else None
        forms[name] = form_class(data, prefix=name, initial={"version": deployment.version})
    return forms


@login_required
def deployment_detail(request, pk: int):
    deployment = selectors.deployment_in_scope(user=request.user, pk=pk)
    posted = request.POST.get("form", "") if request.method == "POST" else ""
    forms = _forms(request, deployment, posted)
    if posted:
        form = forms.get(posted)
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            done = _act(request, posted, form, deployment)
            if done is not REFUSED:
                return redirect("brokerage:deployment", pk)
    sessions = list(deployment.sessions.all())
    can_comment = access.can_comment(request.user, deployment)
    return render(
        request,
        "brokerage/deployment.html",
        {
            "deployment": deployment,
            "sessions": sessions,
            "forms": forms,
            "can_comment": can_comment,
            "comment_form": CommentForm(prefix="comment") if can_comment else None,
        },
    )


def _act(request, posted, form, deployment):
    data = dict(form.cleaned_data)
    common = {"actor": request.user, "via": Via.WEB, "deployment": deployment}
    if posted == "session":
        return attempt(form, deployments.log_session, **common, **data)
    if posted == "review":
        return attempt(form, deployments.review_deployment, **common, **data)
    return attempt(form, deployments.exit_deployment, **common, **data)


@login_required
@require_POST
def session_comment(request, pk: int, session_pk: int):
    deployment = selectors.deployment_in_scope(user=request.user, pk=pk)
    session = next((s for s in deployment.sessions.all() if s.pk == session_pk), None)
    if session is None:
        raise PermissionDenied
    if not access.can_comment(request.user, deployment):
        raise PermissionDenied
    form = CommentForm(request.POST, prefix="comment")
    if form.is_valid():
        done = attempt(
            form,
            deployments.comment_on_session,
            actor=request.user,
            via=Via.WEB,
            session=session,
            comment=form.cleaned_data["comment"],
            version=form.cleaned_data.get("version"),
        )
        if done is not REFUSED:
            return redirect("brokerage:deployment", pk)
    return render(
        request,
        "brokerage/deployment.html",
        {
            "deployment": deployment,
            "sessions": list(deployment.sessions.all()),
            "forms": {},
            "can_comment": True,
            "comment_form": form,
        },
    )
