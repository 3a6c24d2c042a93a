"""The headteacher's and chair's home page: their school's category and why, its letters,
the visits and notes to comment on, its plan's next milestones and its performance profile.
A fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse

from uplift.casework.letters.selectors import school_sent_letters
from uplift.categorisation.models import RoundStatus, SchoolCategorisation
from uplift.categorisation.rounds.selectors import current_category
from uplift.support.access import visible_visits
from uplift.support.models import Milestone, PlanStatus, VisitStatus

SHOWN = 5


@dataclass
class SchoolDashboard:
    school: object
    category: object = None  # CategoryEntry
    letters: list = field(default_factory=list)
    letter_count: int = 0
    to_comment: list = field(default_factory=list)  # visits whose note awaits a comment
    recent_visits: list = field(default_factory=list)
    milestones: list = field(default_factory=list)
    profile_url: str = ""
    profile_round: str = ""


def _profile(school) -> tuple[str, str]:
    """The school's performance profile in its LA's latest published round, if any."""
    row = (
        SchoolCategorisation.objects.filter(
            establishment=school, round__status=RoundStatus.PUBLISHED, round__la_id=school.la_id
        )
        .select_related("round__la")
        .order_by("-round__as_at", "-round__pk")
        .first()
    )
    if row is None or row.round.la is None:
        return "", ""
    url = reverse("profiles:profile", args=[row.round.la.code, row.round.code, school.urn])
    return url, row.round.code


def school_dashboard(*, user, school, today: date) -> SchoolDashboard:
    board = SchoolDashboard(school=school)
    board.category = current_category(establishment=school)
    letters = school_sent_letters(user=user, establishment=school)
    board.letters, board.letter_count = letters[:SHOWN], len(letters)
    visits = visible_visits(user).filter(establishment=school).select_related("adviser")
    board.to_comment = list(
        visits.filter(status=VisitStatus.AWAITING_COMMENT, note_shared_at__isnull=False)
        .defer("note")
        .order_by("scheduled_for", "pk")
    )
    board.recent_visits = list(visits.defer("note").order_by("-scheduled_for", "-pk")[:SHOWN])
    board.milestones = list(
        Milestone.objects.filter(
            objective__plan__establishment=school,
            objective__plan__status=PlanStatus.ACTIVE,
            done_on__isnull=True,
        )
        .select_related("objective__plan")
        .order_by("due_on", "pk")[:SHOWN]
    )
    board.profile_url, board.profile_round = _profile(school)
    return board
