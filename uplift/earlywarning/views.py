"""The early-warning pages, for the LA's officers: the flagged schools (riskiest first, by
whether an officer has reviewed them), one flag's review, and the schools likely to be
inspected next term (a page and a CSV). Anyone else gets 404 for the LA."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from uplift.accounts.access import profile_of
from uplift.audit.models import Via
from uplift.core.csv_files import write_csv
from uplift.core.web import REFUSED, attempt
from uplift.earlywarning import access, selectors
from uplift.earlywarning.forecast import inspection_forecast
from uplift.earlywarning.forms import ReviewForm
from uplift.earlywarning.models import RiskAssessment
from uplift.earlywarning.reviews import review_flag
from uplift.schools.selectors import open_establishments

FLAGS_PER_PAGE = 25
FORECAST_SHOWN = 10
STATUS_OPTIONS = (
    (selectors.UNREVIEWED, "Not reviewed yet"),
    (selectors.REVIEWED, "Reviewed"),
)


def _la(request, code: str):
    return get_object_or_404(access.risk_las(request.user), code=code)


@login_required
@require_GET
def index(request):
    """An officer goes straight to their LA's flags; a system administrator chooses an LA."""
    las = access.risk_las(request.user)
    profile = profile_of(request.user)
    if profile is not None and profile.la_id is not None:
        la = las.filter(pk=profile.la_id).first()
        if la is not None:
            return redirect("earlywarning:flags", code=la.code)
    las = list(las.order_by("name"))
    if not las:
        raise Http404("No local authority to show.")
    return render(request, "earlywarning/index.html", {"las": las})


@login_required
@require_GET
def flags(request, code: str):
    la = _la(request, code)
    status = request.GET.get("status", "")
    if status not in selectors.STATUSES:
        status = ""
    paginator = Paginator(selectors.flagged(la=la, status=status), FLAGS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = selectors.with_reviews(page.object_list)
    forecast = inspection_forecast(schools=_schools(la), as_at=timezone.localdate())
    return render(
        request,
        "earlywarning/flags.html",
        {
            "la": la,
            "summary": selectors.flag_summary(la=la),
            "status": status,
            "status_options": STATUS_OPTIONS,
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            "forecast": forecast,
            "forecast_shown": forecast.schools[:FORECAST_SHOWN],
        },
    )


@login_required
def review(request, code: str, pk: int):
    la = _la(request, code)
    try:
        assessment = selectors.assessment_for_review(pk=pk, las=[la])
    except RiskAssessment.DoesNotExist:
        raise Http404("No such flag.") from None
    assessment = selectors.with_reviews([assessment])[0]
    form = ReviewForm(request.POST or None, initial={"version": assessment.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = attempt(
            form,
            review_flag,
            actor=request.user,
            via=Via.WEB,
            assessment=assessment,
            decision=data["decision"],
            reason=data["reason"],
            version=data["version"],
        )
        if saved is not REFUSED:
            messages.success(
                request, f"{assessment.school.name}: {saved.get_decision_display().lower()}"
            )
            return redirect("earlywarning:review", code=la.code, pk=assessment.pk)
        assessment = selectors.with_reviews([assessment])[0]
        form.data = form.data.copy()
        form.data["version"] = str(assessment.version)
    return render(
        request,
        "earlywarning/review.html",
        {
            "la": la,
            "assessment": assessment,
            "form": form,
            "history": assessment.reviews.select_related("reviewed_by").order_by(
                "-reviewed_at", "-id"
            ),
        },
    )


def _schools(la):
    return open_establishments(la.establishments.all())


@login_required
@require_GET
def forecast(request, code: str):
    la = _la(request, code)
    found = inspection_forecast(schools=_schools(la), as_at=timezone.localdate())
    return render(request, "earlywarning/forecast.html", {"la": la, "forecast": found})


FORECAST_HEADER = ("urn", "name", "last_inspected", "last_grade", "due_by", "overdue")


@login_required
@require_GET
def forecast_csv(request, code: str):
    la = _la(request, code)
    found = inspection_forecast(schools=_schools(la), as_at=timezone.localdate())
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": (
                f'attachment; filename="uplift-inspections-next-term-{la.code}-{found.as_at}.csv"'
            )
        },
    )
    response.write("\ufeff")
    write_csv(
        response,
        FORECAST_HEADER,
        (
            (d.school.urn, d.school.name, d.last_inspected, d.last_grade, d.due_by, d.overdue)
            for d in found.schools
        ),
    )
    return response
