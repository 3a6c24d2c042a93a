from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from uplift.audit.models import Via
from uplift.core.web import REFUSED, attempt
from uplift.impact import access, services
from uplift.impact.forms import MeasuresForm
from uplift.impact.matching import MIN_MATCHES, NEIGHBOURS
from uplift.impact.models import Finding, PieceKind
from uplift.impact.pieces import piece_for
from uplift.impact.present import measure_views
from uplift.impact.selectors import chosen_measures, piece_impact
from uplift.impact.track_record import measure_label, records_of

WHO = {"provider": "Providers", "leader": "System leaders", "adviser": "Advisers"}


@login_required
def piece_page(request, kind: str, pk: int):
    if kind not in PieceKind.values:
        raise Http404("No such kind of support")
    piece = piece_for(user=request.user, kind=kind, pk=pk)
    manages = access.can_choose_measures(request.user, piece)
    keys, version = chosen_measures(piece)
    form = MeasuresForm(initial={"measures": keys, "version": version}) if manages else None
    if request.method == "POST":
        if not manages:
            raise PermissionDenied
        common = {"actor": request.user, "via": Via.WEB, "piece": piece}
        if request.POST.get("form") == "save":
            services.save_findings(**common)
            return redirect("impact:piece", kind, pk)
        form = MeasuresForm(request.POST)
        if form.is_valid():
            done = attempt(form, services.choose_measures, **common, **form.cleaned_data)
            if done is not REFUSED:
                return redirect("impact:piece", kind, pk)
    saved = Finding.objects.filter(kind=kind, piece_id=pk).order_by("-computed_at").first()
    return render(
        request,
        "impact/piece.html",
        {
            "piece": piece,
            "measures": measure_views(piece, piece_impact(piece)),
            "form": form,
            "manages": manages,
            "saved": saved,
            "min_matches": MIN_MATCHES,
            "neighbours": NEIGHBOURS,
        },
    )


def _las(user):
    las = access.track_record_las(user)
    if las is None:
        raise PermissionDenied
    return las


@login_required
@require_GET
def track_records(request):
    las = _las(request.user)
    tables = [(who, label, records_of(who=who, las=las)) for who, label in WHO.items()]
    return render(request, "impact/track_records.html", {"tables": tables})


@login_required
@require_GET
def track_record(request, who: str, pk: int):
    if who not in WHO:
        raise Http404("No such track record")
    record = next((r for r in records_of(who=who, las=_las(request.user)) if r.pk == pk), None)
    if record is None:
        raise Http404("No such track record")
    rows = [
        {
            "finding": f,
            "measure": measure_label(f.measure),
            "kind": PieceKind(f.kind).label,
        }
        for f in record.findings
    ]
    return render(
        request,
        "impact/track_record.html",
        {"record": record, "who": WHO[who], "rows": rows, "min_matches": MIN_MATCHES},
    )
