"""Keeping each user's primary RoleGrant in step with their Profile, whoever writes the
Profile (older services, fixtures, the demo), and telling access.py that grants changed."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from uplift.accounts.models import Profile, RoleGrant

GRANT_FIELDS = ("role", "la_id", "establishment_id", "group_id")
_generation = [0]  # bumped when grants change in bulk
_per_user: dict[int, int] = {}  # bumped when one user's grants change


def generation(user_id: int) -> tuple[int, int]:
    """What access.py's per-user cache of grants is valid for."""
    return (_generation[0], _per_user.get(user_id, 0))


def grants_changed(sender=None, instance=None, reverse=False, **_kwargs) -> None:
    user_id = getattr(instance, "user_id", None)
    if user_id is None or reverse:
        _generation[0] += 1
    else:
        _per_user[user_id] = _per_user.get(user_id, 0) + 1


def _remember(profile: Profile) -> None:
    """Leave the user object that wrote the profile knowing its grants (saves a query)."""
    user = profile._state.fields_cache.get("user")
    if user is not None:
        grants = list(RoleGrant.objects.filter(user_id=user.pk).order_by("-primary", "pk"))
        user._uplift_grants = (generation(user.pk), grants)


def profile_saved(sender, instance: Profile, **_kwargs) -> None:
    values = {name: getattr(instance, name) for name in GRANT_FIELDS}
    grant, created = RoleGrant.objects.get_or_create(
        user_id=instance.user_id, primary=True, defaults=values
    )
    if not created and any(getattr(grant, k) != v for k, v in values.items()):
        RoleGrant.objects.filter(pk=grant.pk).update(**values)
    if created and instance.pk:
        grant.schools.set(instance.assigned_establishments.all())
    grants_changed(instance=instance)
    _remember(instance)


def profile_deleted(sender, instance: Profile, **_kwargs) -> None:
    RoleGrant.objects.filter(user_id=instance.user_id, primary=True).delete()
    grants_changed(instance=instance)


def profile_schools_changed(sender, instance, action: str, reverse: bool, pk_set, **_kwargs):
    if action not in {"post_add", "post_remove", "post_clear", "pre_clear"}:
        return
    if reverse:  # changed from the school's side: pk_set holds profiles
        if action == "pre_clear":
            pk_set = set(instance.assigned_advisers.values_list("pk", flat=True))
            instance._uplift_cleared = pk_set
            return
        profiles = Profile.objects.filter(pk__in=pk_set or getattr(instance, "_uplift_cleared", ()))
    elif action == "pre_clear":
        return
    else:
        profiles = [instance]
    for profile in profiles:
        grant = RoleGrant.objects.filter(user_id=profile.user_id, primary=True).first()
        if grant is not None:
            grant.schools.set(profile.assigned_establishments.all())
        grants_changed(instance=profile)
        _remember(profile)


def connect() -> None:
    post_save.connect(profile_saved, sender=Profile, dispatch_uid="profile_to_grant")
    post_delete.connect(profile_deleted, sender=Profile, dispatch_uid="profile_grant_gone")
    m2m_changed.connect(
        profile_schools_changed,
        sender=Profile.assigned_establishments.through,
        dispatch_uid="profile_schools_to_grant",
    )
    for signal in (post_save, post_delete):
        signal.connect(grants_changed, sender=RoleGrant, dispatch_uid=f"grant_{id(signal)}")
    m2m_changed.connect(
        grants_changed, sender=RoleGrant.schools.through, dispatch_uid="grant_schools"
    )
