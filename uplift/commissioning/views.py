"""The money and commissioning home page: what the user's role may open, and a head's own
school's grants, subscriptions and charges."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from uplift.accounts.access import own_school_id
from uplift.commissioning import access
from uplift.commissioning.grants import selectors as grants
from uplift.commissioning.traded import selectors as traded
from uplift.schools.models import Establishment


@login_required
@require_GET
def index(request):
    user = request.user
    if not access.reads_money(user):
        raise PermissionDenied
    school_id = own_school_id(user)
    context = {"finance": access.has_finance(user)}
    if school_id is not None and not context["finance"]:
        subscriptions = list(traded.subscriptions(user=user))
        context.update(
            school=Establishment.objects.get(pk=school_id),
            applications=grants.applications(user=user),
            subscriptions=subscriptions,
            charges_pence=sum(s.price_pence for s in subscriptions if s.status == "bought"),
            schemes=grants.schemes(user=user),
        )
    return render(request, "commissioning/index.html", context)
