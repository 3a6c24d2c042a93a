"""Reading feedback: a head's surveys, the roll-ups per provider and per service, and the
summary of a set of surveys per question (for accountability reports). Each is a fixed
number of queries, whatever the number of surveys."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from uplift.feedback.access import visible_surveys
from uplift.feedback.models import Answer, Survey
from uplift.feedback.questions import AGREE_FROM, TEMPLATES, SubjectKind

ROLLUP_FIELDS = {"provider": "provider_label", "service": "service_label"}


def surveys(*, user) -> QuerySet[Survey]:
    return visible_surveys(user).select_related("establishment")


def survey_for(*, user, pk: int) -> Survey:
    return get_object_or_404(
        surveys(user=user).select_related("answered_by").prefetch_related("answers"), pk=pk
    )


@dataclass(frozen=True)
class RollupRow:
    name: str
    sent: int
    answered: int
    schools: int
    ratings: int
    average: float | None  # mean rating, 1 to 5
    agree: int  # ratings of "Agree" or "Strongly agree"

    @property
    def agree_percent(self) -> int | None:
        return round(100 * self.agree / self.ratings) if self.ratings else None

    @property
    def response_percent(self) -> int:
        return round(100 * self.answered / self.sent) if self.sent else 0


def rollup(*, user, by: str, since: date | None = None) -> list[RollupRow]:
    """The roll-up of the surveys this user may read."""
    return rollup_of(visible_surveys(user), by=by, since=since)


def rollup_of(chosen: QuerySet[Survey], *, by: str, since: date | None = None) -> list[RollupRow]:
    """Surveys sent and answered, and their ratings, per provider or per service (two
    queries)."""
    field = ROLLUP_FIELDS[by]
    if since is not None:
        chosen = chosen.filter(happened_on__gte=since)
    counts = {
        row[field]: row
        for row in chosen.values(field).annotate(
            sent=Count("id"),
            answered=Count("id", filter=Q(answered_at__isnull=False)),
            schools=Count("establishment", distinct=True),
        )
    }
    ratings = {
        row[f"survey__{field}"]: row
        for row in Answer.objects.filter(survey__in=chosen)
        .values(f"survey__{field}")
        .annotate(
            n=Count("id"),
            average=Avg("rating"),
            agree=Count("id", filter=Q(rating__gte=AGREE_FROM)),
        )
    }
    rows = []
    for name, row in counts.items():
        rated = ratings.get(name, {})
        rows.append(
            RollupRow(
                name=name,
                sent=row["sent"],
                answered=row["answered"],
                schools=row["schools"],
                ratings=rated.get("n", 0),
                average=round(rated["average"], 1) if rated.get("average") is not None else None,
                agree=rated.get("agree", 0),
            )
        )
    return sorted(rows, key=lambda row: row.name.lower())


@dataclass(frozen=True)
class QuestionSummary:
    kind_label: str
    text: str
    ratings: int
    average: float
    agree: int

    @property
    def agree_percent(self) -> int:
        return round(100 * self.agree / self.ratings) if self.ratings else 0


@dataclass(frozen=True)
class FeedbackSummary:
    sent: int
    answered: int
    schools_answered: int
    questions: list[QuestionSummary]
    comments: list[tuple[str, str]]  # (school name, comment)
    has_sample: bool


def question_text(kind: str, key: str) -> str:
    return dict(TEMPLATES.get(kind, ())).get(key, key.replace("_", " ").capitalize())


def summary(chosen: QuerySet[Survey]) -> FeedbackSummary:
    """What a set of surveys says: how many were answered, each question's mean rating and
    share agreeing, and the schools' comments (three queries)."""
    counts = chosen.aggregate(
        sent=Count("id"),
        answered=Count("id", filter=Q(answered_at__isnull=False)),
        schools=Count("establishment", distinct=True, filter=Q(answered_at__isnull=False)),
        sample=Count("id", filter=Q(is_sample=True)),
    )
    per_question = (
        Answer.objects.filter(survey__in=chosen)
        .values("survey__subject_kind", "question")
        .annotate(
            n=Count("id"),
            average=Avg("rating"),
            agree=Count("id", filter=Q(rating__gte=AGREE_FROM)),
        )
        .order_by("survey__subject_kind", "question")
    )
    order = {
        (kind, key): index
        for kind, questions in TEMPLATES.items()
        for index, (key, _) in enumerate(questions)
    }
    rows = sorted(
        per_question,
        key=lambda row: (
            row["survey__subject_kind"],
            order.get((row["survey__subject_kind"], row["question"]), 99),
        ),
    )
    questions = [
        QuestionSummary(
            kind_label=SubjectKind(row["survey__subject_kind"]).label,
            text=question_text(row["survey__subject_kind"], row["question"]),
            ratings=row["n"],
            average=round(row["average"], 1),
            agree=row["agree"],
        )
        for row in rows
    ]
    comments = [
        (name, text)
        for name, text in chosen.filter(answered_at__isnull=False)
        .exclude(comments="")
        .order_by("establishment__name", "answered_at")
        .values_list("establishment__name", "comments")
    ]
    return FeedbackSummary(
        sent=counts["sent"],
        answered=counts["answered"],
        schools_answered=counts["schools"],
        questions=questions,
        comments=comments,
        has_sample=bool(counts["sample"]),
    )
