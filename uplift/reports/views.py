"""The LA dashboards: each report as a page and as CSV, for users who can see the LA.

An LA outside the user's scope answers 404, like a missing one. Every page and its CSV
read through the same selector with the same choices.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from uplift.accounts.access import profile_of
from uplift.earlywarning import access as earlywarning_access
from uplift.earlywarning.selectors import risks_by_school
from uplift.reports import tables
from uplift.reports.access import can_set_report_targets
from uplift.reports.attainment import KEY_STAGE_LABELS, attainment
from uplift.reports.categories import (
    PRIORITIES,
    categories_by_phase,
    priority_schools,
    readable_rounds,
)
from uplift.reports.forms import LaRecordForm, ReportForm
from uplift.reports.la_record import default_dates, la_record
from uplift.reports.la_record_chart import targets_chart
from uplift.reports.ofsted_summary import ALL_PHASES, GRADES, ofsted_summary
from uplift.reports.report_cards import report_card_areas
from uplift.reports.targets import targets_report
from uplift.schools.access import visible_establishments, visible_local_authorities
from uplift.schools.selectors import las_with_open_schools


def visible_la(request, code: str):
    return get_object_or_404(visible_local_authorities(request.user), code=code)


@login_required
@require_GET
def index(request):
    """LA staff go straight to their LA's reports; those who read across LAs choose one."""
    profile = profile_of(request.user)
    visible = visible_local_authorities(request.user)
    if profile is not None and profile.la_id is not None:
        la = get_object_or_404(visible, pk=profile.la_id)
        return redirect("reports:la", code=la.code)
    las = las_with_open_schools(visible)
    if not las:
        raise Http404("No local authority to report on.")
    return render(request, "reports/index.html", {"las": las})


@login_required
@require_GET
def la_reports(request, code: str):
    la = visible_la(request, code)
    return render(
        request,
        "reports/la.html",
        {"la": la, "can_set_targets": can_set_report_targets(request.user, la)},
    )


def _report(request, code: str):
    """The LA, the user's schools and the report's choices (None when they are not valid)."""
    la = visible_la(request, code)
    form = ReportForm(request.GET)
    return la, visible_establishments(request.user), form if form.is_valid() else None, form


@login_required
@require_GET
def ofsted(request, code: str):
    la, schools, valid, form = _report(request, code)
    summary = ofsted_summary(la=la, schools=schools, as_at=valid.day) if valid else None
    return render(
        request,
        "reports/ofsted_summary.html",
        {"la": la, "form": form, "summary": summary, "grades": GRADES},
    )


@login_required
@require_GET
def ofsted_csv(request, code: str):
    la, schools, valid, form = _report(request, code)
    if valid is None:
        return _bad_choices(form)
    summary = ofsted_summary(la=la, schools=schools, as_at=valid.day)
    rows = tables.ofsted_summary_rows(summary)
    return _csv(tables.OFSTED_SUMMARY_HEADER, rows, f"ofsted-summary-{la.code}-{valid.day}")


def _report_cards(request, code: str):
    la, schools, valid, form = _report(request, code)
    if valid is None:
        return la, form, None
    phase = valid.choice("phase", ALL_PHASES)
    report = report_card_areas(la=la, schools=schools, as_at=valid.day, phase=phase)
    return la, form, report


@login_required
@require_GET
def report_cards(request, code: str):
    la, form, report = _report_cards(request, code)
    return render(request, "reports/report_cards.html", {"la": la, "form": form, "report": report})


@login_required
@require_GET
def report_cards_csv(request, code: str):
    la, form, report = _report_cards(request, code)
    if report is None:
        return _bad_choices(form)
    name = f"report-card-areas-{la.code}-{report.phase}-{report.as_at}"
    return _csv(tables.REPORT_CARD_HEADER, tables.report_card_rows(report), name)


@login_required
@require_GET
def targets(request, code: str):
    la, schools, valid, form = _report(request, code)
    report = targets_report(la=la, schools=schools, as_at=valid.day) if valid else None
    return render(
        request,
        "reports/targets.html",
        {
            "la": la,
            "form": form,
            "report": report,
            "can_set_targets": can_set_report_targets(request.user, la),
        },
    )


@login_required
@require_GET
def targets_csv(request, code: str):
    la, schools, valid, form = _report(request, code)
    if valid is None:
        return _bad_choices(form)
    report = targets_report(la=la, schools=schools, as_at=valid.day)
    return _csv(
        tables.TARGETS_HEADER, tables.targets_rows(report), f"targets-{la.code}-{valid.day}"
    )


def _attainment(request, code: str):
    la, schools, valid, form = _report(request, code)
    if valid is None:
        return la, form, None
    key_stage = valid.choice("key_stage", "ks2")
    return la, form, attainment(la=la, schools=schools, key_stage=key_stage)


@login_required
@require_GET
def attainment_page(request, code: str):
    la, form, report = _attainment(request, code)
    return render(
        request,
        "reports/attainment.html",
        {"la": la, "form": form, "report": report, "key_stages": KEY_STAGE_LABELS},
    )


@login_required
@require_GET
def attainment_csv(request, code: str):
    la, form, report = _attainment(request, code)
    if report is None:
        return _bad_choices(form)
    name = f"attainment-{report.key_stage}-{la.code}"
    return _csv(tables.ATTAINMENT_HEADER, tables.attainment_rows(report), name)


def _bad_choices(form) -> HttpResponse:
    problems = "; ".join(str(error) for errors in form.errors.values() for error in errors)
    return HttpResponseBadRequest(
        f"The report's choices are not valid: {problems}\n", content_type="text/plain"
    )


def _csv(header, rows, name: str) -> HttpResponse:
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="uplift-{name}.csv"'},
    )
    response.write("\ufeff")  # a BOM, so that Excel reads the file as UTF-8
    response.write(tables.as_csv(header, rows))
    return response


def _rounds(request, la):
    """The rounds the user may read, and the one asked for (?round=CODE; the newest by
    default). A round the user may not read, or that does not exist, answers 404."""
    rounds = list(readable_rounds(user=request.user, la=la))
    code = request.GET.get("round", "").strip()
    if not code:
        return rounds, rounds[0] if rounds else None
    chosen = next((r for r in rounds if r.code == code), None)
    if chosen is None:
        raise Http404("No such round.")
    return rounds, chosen


def _categories(request, code: str):
    la = visible_la(request, code)
    rounds, chosen = _rounds(request, la)
    report = None
    if chosen is not None:
        report = categories_by_phase(
            la=la, schools=visible_establishments(request.user), round=chosen
        )
    return la, rounds, report


@login_required
@require_GET
def categories(request, code: str):
    la, rounds, report = _categories(request, code)
    return render(
        request,
        "reports/categories.html",
        {"la": la, "rounds": rounds, "report": report},
    )


@login_required
@require_GET
def categories_csv(request, code: str):
    la, rounds, report = _categories(request, code)
    if report is None:
        raise Http404("No categorisation round to report on.")
    name = f"categories-{la.code}-{report.round.code}"
    return _csv(tables.CATEGORIES_HEADER, tables.categories_rows(report), name)


def _priority(request, code: str):
    la, schools, valid, form = _report(request, code)
    rounds, chosen = _rounds(request, la)
    if valid is None:
        return la, form, rounds, None
    earlier = [r for r in rounds if chosen is not None and r.as_at < chosen.as_at]
    report = priority_schools(
        la=la,
        schools=schools,
        as_at=valid.day,
        round=chosen,
        previous_round=earlier[0] if earlier else None,
    )
    return la, form, rounds, report


@login_required
@require_GET
def priority(request, code: str):
    la, form, rounds, report = _priority(request, code)
    reads_risk = earlywarning_access.can_read_risk(request.user, la.pk)
    return render(
        request,
        "reports/priority.html",
        {
            "la": la,
            "form": form,
            "rounds": rounds,
            "report": report,
            "priorities": PRIORITIES,
            "reads_risk": reads_risk,
            "risks": risks_by_school(la=la) if reads_risk and report else {},
        },
    )


@login_required
@require_GET
def priority_csv(request, code: str):
    la, form, rounds, report = _priority(request, code)
    if report is None:
        return _bad_choices(form)
    name = f"priority-schools-{la.code}-{report.as_at}"
    return _csv(tables.PRIORITY_HEADER, tables.priority_rows(report), name)


def _la_record(request, code: str):
    la = visible_la(request, code)
    form = LaRecordForm(request.GET, defaults=default_dates(la=la, today=timezone.localdate()))
    if not form.is_valid():
        return la, form, None
    record = la_record(
        la=la, schools=visible_establishments(request.user), dates=form.dates, user=request.user
    )
    return la, form, record


@login_required
@require_GET
def la_record_page(request, code: str):
    la, form, record = _la_record(request, code)
    chart = targets_chart(record) if record is not None else ""
    dates = ",".join(day.isoformat() for day in record.dates) if record else ""
    return render(
        request,
        "reports/la_record.html",
        {"la": la, "form": form, "record": record, "chart": chart, "dates_query": dates},
    )


@login_required
@require_GET
def la_record_csv(request, code: str):
    la, form, record = _la_record(request, code)
    if record is None:
        return _bad_choices(form)
    name = f"la-record-{la.code}-{'-'.join(day.isoformat() for day in record.dates)}"
    return _csv(tables.LA_RECORD_HEADER, tables.la_record_rows(record), name)
