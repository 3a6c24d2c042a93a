"""Coasting and RISE "stuck" flags from a school's inspection history (placeholder: the
calendar-and-flags helper replaces this with the dated rules)."""


def school_flags(*, establishment, on):
    return []


def flags_for_schools(*, establishment_ids, on):
    return {}
