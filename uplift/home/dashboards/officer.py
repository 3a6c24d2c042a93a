"""The LA officer's home page: which schools need them this week. Each figure comes with the
address of the list behind it. A fixed number of queries whatever the LA's size."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count
from django.urls import reverse

from uplift.casework.access import visible_cases, visible_meetings
from uplift.casework.models import MeetingAction, Stage
from uplift.categorisation.models import Round, RoundStatus
from uplift.categorisation.rounds import selectors as rounds
from uplift.earlywarning.selectors import FlagSummary, flag_summary
from uplift.inspections.models import Inspection
from uplift.inspections.selectors import grade_summary
from uplift.support.access import visible_action_plans
from uplift.support.models import Milestone, PlanStatus
from uplift.workload.selectors import case_deadlines

SHOWN = 5  # rows of each short list
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Figure:
    label: str
    count: int
    url: str


@dataclass(frozen=True)
class CategoryRow:
    label: str
    now: Figure
    before: int | None  # schools in the category at the previous round
    moved_in: Figure | None  # schools that came into it since the previous round


@dataclass(frozen=True)
class Categories:
    round: Round
    previous: Round | None
    rows: list[CategoryRow]


@dataclass(frozen=True)
class DeadlineRow:
    label: str
    due_on: date
    overdue: bool
    school: object
    url: str


@dataclass(frozen=True)
class RoundProgress:
    round: Round
    steps: list[tuple[str, bool, bool]]  # (label, done, current)
    undecided: Figure
    decided: int
    total: int
    next_step: str
    next_url: str


@dataclass(frozen=True)
class OverdueRow:
    text: str
    school: object
    due_on: date
    url: str
    source: str


@dataclass
class OfficerDashboard:
    la: object
    categories: Categories | None = None
    cases_by_stage: list[Figure] = field(default_factory=list)
    open_cases: int = 0
    deadlines: list[DeadlineRow] = field(default_factory=list)
    deadlines_this_week: int = 0
    round: RoundProgress | None = None
    overdue: list[OverdueRow] = field(default_factory=list)
    overdue_count: int = 0
    inspections: list = field(default_factory=list)
    flags: FlagSummary | None = None  # the LA's early-warning flags, None before any scoring


def _round_url(round_, **query) -> str:
    url = reverse("categorisation:round", args=[round_.pk])
    pairs = "&".join(f"{key}={value}" for key, value in query.items() if value)
    return f"{url}?{pairs}" if pairs else url


def categories(*, la) -> Categories | None:
    """Schools by their category in the LA's latest published round, against the round
    before it. Three queries."""
    latest = (
        Round.objects.filter(la=la, status=RoundStatus.PUBLISHED)
        .select_related("policy_version")
        .order_by("-as_at", "-pk")
        .first()
    )
    if latest is None:
        return None
    previous = rounds.previous_round(round=latest)
    definition = latest.policy_version.parsed
    rows = rounds.with_previous_category(latest.categorisations.all(), previous)
    now = dict(rows.values_list("standing").annotate(n=Count("pk")).order_by())
    moved = {}
    before = {}
    if previous is not None:
        moved = dict(
            rounds.changed_since(rows).values_list("standing").annotate(n=Count("pk")).order_by()
        )
        before = dict(
            rounds.with_previous_category(previous.categorisations.all(), None)
            .values_list("standing")
            .annotate(n=Count("pk"))
            .order_by()
        )
    found = []
    for category in definition.categories:
        code = category.code
        moved_in = None
        if previous is not None:
            moved_in = Figure(
                "moved in", moved.get(code, 0), _round_url(latest, category=code, changed="yes")
            )
        found.append(
            CategoryRow(
                label=category.label,
                now=Figure(category.label, now.get(code, 0), _round_url(latest, category=code)),
                before=before.get(code, 0) if previous is not None else None,
                moved_in=moved_in,
            )
        )
    return Categories(round=latest, previous=previous, rows=found)


def cases(*, user, today: date) -> tuple[list[Figure], int, list[DeadlineRow]]:
    """Open concern cases by stage, and their next statutory deadlines. Two queries."""
    open_cases = (
        visible_cases(user)
        .exclude(stage=Stage.CLOSED)
        .select_related("establishment")
        .prefetch_related("warning_notices")
        .order_by("pk")
    )
    listed = reverse("casework:case_list")
    counts: dict[str, int] = {}
    deadlines = []
    for case in open_cases:
        counts[case.stage] = counts.get(case.stage, 0) + 1
        url = reverse("casework:case_detail", args=[case.pk])
        for deadline in case_deadlines(case, today):
            deadlines.append(
                DeadlineRow(
                    deadline.label, deadline.due_on, deadline.overdue, case.establishment, url
                )
            )
    figures = [
        Figure(label, counts[value], f"{listed}?stage={value}")
        for value, label in Stage.choices
        if value in counts
    ]
    deadlines.sort(key=lambda row: (row.due_on, row.school.name))
    return figures, sum(counts.values()), deadlines


STEPS = (
    (RoundStatus.PROPOSED, "Proposed"),
    (RoundStatus.REVIEWED, "Reviewed"),
    (RoundStatus.MODERATED, "Agreed by the board"),
    (RoundStatus.PUBLISHED, "Published"),
)


def round_progress(*, la) -> RoundProgress | None:
    """The LA's current round (its latest) and what it needs next. Two queries."""
    current = Round.objects.filter(la=la).order_by("-as_at", "-pk").first()
    if current is None:
        return None
    counts = rounds.decision_counts(round=current)
    order = [status for status, _ in STEPS]
    reached = order.index(current.status)
    steps = [
        (label, i < reached or i == reached, i == reached) for i, (_, label) in enumerate(STEPS)
    ]
    undecided = Figure(
        "not yet decided", counts["undecided"], _round_url(current, decision="undecided")
    )
    if current.status == RoundStatus.PROPOSED:
        next_step, next_url = f"Decide {counts['undecided']} schools", undecided.url
    elif current.status == RoundStatus.REVIEWED:
        next_step = "Record the board's moderation"
        next_url = reverse("categorisation:moderate", args=[current.pk])
    elif current.status == RoundStatus.MODERATED:
        next_step = "Publish the round"
        next_url = reverse("categorisation:publish", args=[current.pk])
    else:
        next_step, next_url = "Start the next round", reverse("categorisation:rounds")
    return RoundProgress(
        round=current,
        steps=steps,
        undecided=undecided,
        decided=counts["total"] - counts["undecided"],
        total=counts["total"],
        next_step=next_step,
        next_url=next_url,
    )


def overdue(*, user, today: date) -> tuple[list[OverdueRow], int]:
    """Overdue monitoring board actions and action plan milestones in the user's schools.
    Four queries."""
    actions = MeetingAction.objects.filter(
        meeting__in=visible_meetings(user), done_on__isnull=True, due_on__lt=today
    )
    milestones = Milestone.objects.filter(
        objective__plan__in=visible_action_plans(user),
        objective__plan__status=PlanStatus.ACTIVE,
        done_on__isnull=True,
        due_on__lt=today,
    )
    count = actions.count() + milestones.count()
    rows = [
        OverdueRow(
            action.description,
            action.meeting.establishment,
            action.due_on,
            reverse("casework:meeting_detail", args=[action.meeting_id]),
            "Monitoring board action",
        )
        for action in actions.select_related("meeting__establishment").order_by("due_on", "pk")[
            :SHOWN
        ]
    ] + [
        OverdueRow(
            milestone.text,
            milestone.objective.plan.establishment,
            milestone.due_on,
            reverse("support:plan_detail", args=[milestone.objective.plan_id]),
            "Action plan milestone",
        )
        for milestone in milestones.select_related("objective__plan__establishment").order_by(
            "due_on", "pk"
        )[:SHOWN]
    ]
    rows.sort(key=lambda row: row.due_on)
    return rows[:SHOWN], count


def recent_inspections(*, la) -> list:
    """The LA's most recently published Ofsted inspections, each with its grades in words.
    Two queries."""
    found = list(
        Inspection.objects.filter(establishment__la=la, publication_date__isnull=False)
        .select_related("establishment")
        .prefetch_related("judgements")
        .order_by("-publication_date", "-pk")[:SHOWN]
    )
    for inspection in found:
        inspection.summary = grade_summary(inspection)
    return found


def officer_dashboard(*, user, la, today: date) -> OfficerDashboard:
    board = OfficerDashboard(la=la)
    board.categories = categories(la=la)
    board.cases_by_stage, board.open_cases, deadlines = cases(user=user, today=today)
    board.deadlines = deadlines[:SHOWN]
    board.deadlines_this_week = sum(1 for row in deadlines if row.due_on <= today + WEEK)
    board.round = round_progress(la=la)
    board.overdue, board.overdue_count = overdue(user=user, today=today)
    board.inspections = recent_inspections(la=la)
    summary = flag_summary(la=la)
    board.flags = summary if summary.run is not None else None
    return board
