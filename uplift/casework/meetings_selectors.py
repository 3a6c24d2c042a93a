"""Reading monitoring board meetings (placeholder, replaced by the meetings helper)."""


def case_meetings(*, user, case):
    return []
