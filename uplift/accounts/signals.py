"""Keeping each user's primary RoleGrant in step with their Profile, whoever writes the
Profile (older services, fixtures, the demo), and telling access.py that grants changed."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from uplift.accounts.models import Profile, RoleGrant

GRANT_FIELDS = ("role", "la_id", "establishment_id", "group_id")
_generation = [0]  # bumped on every change of a grant: access.py's per-user cache reads it


def generation() -> int:
    return _generation[0]


def grants_changed(**_kwargs) -> None:
    _generation[0] += 1


def profile_saved(sender, instance: Profile, **_kwargs) -> None:
    values = {name: getattr(instance, name) for name in GRANT_FIELDS}
    grant, created = RoleGrant.objects.get_or_create(
        user_id=instance.user_id, primary=True, defaults=values
    )
    if not created and any(getattr(grant, k) != v for k, v in values.items()):
        RoleGrant.objects.filter(pk=grant.pk).update(**values)
    if created and instance.pk:
        grant.schools.set(instance.assigned_establishments.all())
    grants_changed()


def profile_deleted(sender, instance: Profile, **_kwargs) -> None:
    RoleGrant.objects.filter(user_id=instance.user_id, primary=True).delete()
    grants_changed()


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
    grants_changed()


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
