"""Issuing, revoking and checking API tokens."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from uplift.api.models import ApiToken
from uplift.api.tokens import hash_token, new_token, prefix_of
from uplift.audit.models import Via
from uplift.audit.services import record_event

# How stale last_used_at may get before a request refreshes it (saves a write per request).
LAST_USED_PRECISION = timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # the token itself: shown once, never stored


@transaction.atomic
def create_token(
    *, user, name: str = "", actor=None, via: str = Via.CLI, reason: str = ""
) -> IssuedToken:
    """A new token for the user, carrying that user's scope. The audit event names the
    token by its prefix; neither the token nor its hash is recorded."""
    secret = new_token()
    token = ApiToken.objects.create(
        user=user, name=name, token_hash=hash_token(secret), prefix=prefix_of(secret)
    )
    record_event(
        actor=actor,
        via=via,
        action="api_token.created",
        obj=token,
        changes={
            "user": [None, user.get_username()],
            "name": [None, name],
            "prefix": [None, token.prefix],
        },
        reason=reason,
    )
    return IssuedToken(token=token, secret=secret)


@transaction.atomic
def revoke_token(*, token: ApiToken, actor=None, via: str = Via.CLI, reason: str = "") -> ApiToken:
    """Stop the token working from now on (revoking twice keeps the first date and
    records nothing more)."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_event(
            actor=actor,
            via=via,
            action="api_token.revoked",
            obj=token,
            changes={"revoked_at": [None, token.revoked_at.isoformat()]},
            reason=reason,
        )
    return token


def authenticate_token(*, secret: str):
    """The active user a live token belongs to, or None; notes when the token was used."""
    token = (
        ApiToken.objects.select_related("user", "user__profile")
        .filter(token_hash=hash_token(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
