"""Choosing the LA's operating model from a preset, and what choosing sets up: the
configuration, and (where a partnership agrees categories) the lead partnership's role in
the LA's rounds still being decided. Versioned, audited."""

from django.db import transaction
from django.utils import timezone

from uplift.audit.services import record_event
from uplift.categorisation.models import Round, RoundStatus
from uplift.core.errors import NotAllowed, Refused, StaleVersion
from uplift.partnerships import access
from uplift.partnerships.models import OperatingModel, RoundRole, Who
from uplift.partnerships.operating_models import PRESETS
from uplift.partnerships.services import _required, _user
from uplift.schools.models import LocalAuthority


def operating_model_of(la) -> OperatingModel | None:
    return OperatingModel.objects.filter(la=la).select_related("lead_partnership").first()


def choose_operating_model(
    *, actor, via: str, la, preset: str, lead_partnership=None, version=None, reason: str
) -> OperatingModel:
    """Set the LA's operating model from a preset. Changing one needs the `version` seen."""
    scope = access.officer_la_scope(actor)
    if scope is None or not LocalAuthority.objects.filter(scope, pk=la.pk).exists():
        raise NotAllowed("Only the LA's officers choose its operating model")
    reason = _required(reason, "the reason for the choice")
    if preset not in PRESETS:
        raise Refused("Choose one of the operating models")
    chosen = PRESETS[preset]
    if chosen.needs_partnership and lead_partnership is None:
        raise Refused(f"{chosen.label}: choose the partnership that takes its roles")
    if lead_partnership is not None and lead_partnership.la_id != la.pk:
        raise Refused("Choose a partnership of the LA")
    fields = {
        "preset": preset,
        **chosen.settings(),
        "lead_partnership": lead_partnership if chosen.needs_partnership else None,
        "chosen_by": _user(actor),
        "chosen_at": timezone.now(),
    }
    with transaction.atomic():
        current = OperatingModel.objects.select_for_update().filter(la=la).first()
        before = current.preset if current else None
        if current is None:
            current = OperatingModel.objects.create(la=la, **fields)
        else:
            if version != current.version:
                raise StaleVersion(
                    "Someone changed the operating model while you were looking at it. "
                    "Check it and choose again."
                )
            for key, value in fields.items():
                setattr(current, key, value)
            current.version += 1
            current.save()
        roles = _give_round_roles(current, actor)
        record_event(
            actor=actor,
            via=via,
            action="partnerships.operating_model_chosen",
            obj=current,
            la=la,
            changes={
                "operating model": [before, preset],
                "lead partnership": [None, str(lead_partnership) if lead_partnership else None],
                "round roles given": [None, roles],
            },
            reason=reason,
        )
    return current


def _give_round_roles(model: OperatingModel, actor) -> list[str]:
    """Where a partnership agrees categories, it agrees those of the LA's rounds not yet
    published."""
    if model.agrees != Who.PARTNERSHIP or model.lead_partnership is None:
        return []
    given = []
    for round_ in Round.objects.filter(la=model.la).exclude(status=RoundStatus.PUBLISHED):
        _, created = RoundRole.objects.get_or_create(
            round=round_,
            partnership=model.lead_partnership,
            defaults={"given_by": _user(actor), "given_at": timezone.now()},
        )
        if created:
            given.append(round_.code)
    return given
