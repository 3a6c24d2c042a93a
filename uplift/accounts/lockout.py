"""How many wrong passwords lock a sign-in out (django-axes): five for one account from one
address, and twenty from one address whatever the accounts, so that one address trying many
accounts is stopped too.

axes compares the larger of its counts (per account and address, per address) with one
limit; this limit is the per-account one once that account has reached it from here, the
per-address one otherwise. It is an int (the per-account limit) that axes can also call,
so that axes' own admin, which does sums with the setting, keeps working."""

from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class FailureLimit(int):
    def __call__(self, request, credentials=None) -> int:
        per_account = int(self)
        username = (credentials or {}).get("username") or request.POST.get("username", "")
        address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
        if username and _failures(username=username, ip_address=address) >= per_account:
            return per_account
        return settings.UPLIFT_SIGN_IN_LIMIT_PER_ADDRESS


def _failures(**where) -> int:
    found = AccessAttempt.objects.filter(**where).aggregate(total=Sum("failures_since_start"))
    return found["total"] or 0


def install() -> None:
    """Make the setting's number (the per-account limit) the limit axes calls."""
    if not isinstance(settings.AXES_FAILURE_LIMIT, FailureLimit):
        settings.AXES_FAILURE_LIMIT = FailureLimit(settings.AXES_FAILURE_LIMIT)
