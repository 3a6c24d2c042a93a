"""Who sets an LA's report targets."""

from uplift.accounts.access import is_la_officer, is_system_admin, profile_of


def can_set_report_targets(user, la) -> bool:
    """An LA's report targets are set by its LA officers and by system administrators."""
    if la is None:
        return False
    return is_system_admin(user) or (is_la_officer(user) and profile_of(user).la_id == la.pk)
