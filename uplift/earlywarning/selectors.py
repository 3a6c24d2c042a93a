"""Reading the early warning: the run that stands for an LA, a school's assessment in it, the
flagged schools with the officer's latest review of each, and summary figures. Every reader
here reads a fixed number of queries, however many schools."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

from uplift.earlywarning.models import FlagReview, ModelRun, ReviewDecision, RiskAssessment

REVIEWED = "reviewed"
UNREVIEWED = "unreviewed"
STATUSES = (UNREVIEWED, REVIEWED)


def current_run(*, la_id: int | None) -> ModelRun | None:
    """The current run that scored the LA's schools: the LA's own, else one for all of
    England."""
    runs = ModelRun.objects.filter(is_current=True).filter(Q(la_id=la_id) | Q(la__isnull=True))
    return runs.order_by(F("la_id").asc(nulls_last=True), "-created_at", "-id").first()


def _latest_decision() -> Subquery:
    latest = FlagReview.objects.filter(assessment=OuterRef("pk")).order_by("-reviewed_at", "-id")
    return Subquery(latest.values("decision")[:1])


def latest_reviews(assessments) -> dict[int, FlagReview]:
    """The review that stands for each assessment (its latest), by assessment id. One query."""
    ids = [a.pk for a in assessments]
    found: dict[int, FlagReview] = {}
    if not ids:
        return found
    rows = (
        FlagReview.objects.filter(assessment_id__in=ids)
        .select_related("reviewed_by")
        .order_by("assessment_id", "-reviewed_at", "-id")
    )
    for review in rows:
        found.setdefault(review.assessment_id, review)
    return found


def with_reviews(assessments) -> list[RiskAssessment]:
    """The assessments, each with `latest_review` (or None) and `version` (how many reviews
    it has: what a review form sends back)."""
    assessments = list(assessments)
    reviews = latest_reviews(assessments)
    for assessment in assessments:
        assessment.latest_review = reviews.get(assessment.pk)
        assessment.version = assessment.latest_review.version if assessment.latest_review else 0
    return assessments


@dataclass(frozen=True)
class SchoolRisk:
    run: ModelRun
    assessment: RiskAssessment  # with latest_review and version

    @property
    def dismissed(self) -> bool:
        review = self.assessment.latest_review
        return review is not None and review.decision == ReviewDecision.DISMISS

    @property
    def standing_flag(self) -> bool:
        """Flagged, and no officer has dismissed the flag."""
        return self.assessment.flagged and not self.dismissed


def school_risk(*, school) -> SchoolRisk | None:
    """The school's assessment in the current run for its LA, or None when none scored it.
    Three queries."""
    run = current_run(la_id=school.la_id)
    if run is None:
        return None
    assessment = RiskAssessment.objects.filter(run=run, school=school).first()
    if assessment is None:
        return None
    assessment.run = run
    assessment.school = school
    return SchoolRisk(run, with_reviews([assessment])[0])


def la_assessments(*, la) -> QuerySet[RiskAssessment]:
    """The current run's assessments of the LA's schools, riskiest first, each annotated with
    `decision`: the latest review's ("" when none)."""
    run = current_run(la_id=la.pk)
    if run is None:
        return RiskAssessment.objects.none()
    return (
        RiskAssessment.objects.filter(run=run, school__la=la)
        .select_related("school", "run")
        .annotate(decision=_latest_decision())
        .order_by("rank", "school__name", "pk")
    )


def flagged(*, la, status: str = "") -> QuerySet[RiskAssessment]:
    """The LA's flagged schools in the current run, riskiest first; only those an officer
    has reviewed (status "reviewed") or not yet (status "unreviewed") when asked."""
    flags = la_assessments(la=la).filter(flagged=True)
    if status == REVIEWED:
        return flags.filter(decision__isnull=False)
    if status == UNREVIEWED:
        return flags.filter(decision__isnull=True)
    return flags


@dataclass(frozen=True)
class FlagSummary:
    run: ModelRun | None
    flagged: int
    unreviewed: int
    agreed: int
    dismissed: int


def flag_summary(*, la) -> FlagSummary:
    """How many of the LA's schools are flagged, and what officers made of them. Two queries."""
    run = current_run(la_id=la.pk)
    if run is None:
        return FlagSummary(None, 0, 0, 0, 0)
    counts = (
        RiskAssessment.objects.filter(run=run, school__la=la, flagged=True)
        .annotate(decision=_latest_decision())
        .aggregate(
            flagged=Count("pk"),
            unreviewed=Count("pk", filter=Q(decision__isnull=True)),
            agreed=Count("pk", filter=Q(decision=ReviewDecision.AGREE)),
            dismissed=Count("pk", filter=Q(decision=ReviewDecision.DISMISS)),
        )
    )
    return FlagSummary(run, **counts)


def risks_by_school(*, la) -> dict[int, RiskAssessment]:
    """Each scored school's assessment in the current run (annotated with `decision`), by
    school id. Two queries."""
    return {a.school_id: a for a in la_assessments(la=la)}


def assessment_for_review(*, pk: int, las) -> RiskAssessment:
    """A flagged assessment of a school of one of `las` (raises DoesNotExist otherwise)."""
    return RiskAssessment.objects.select_related("school__la", "run").get(pk=pk, school__la__in=las)


@dataclass(frozen=True)
class StandingFlag:
    """A school's assessment as it stood on a day, with the officer's review then."""

    assessment: RiskAssessment
    review: FlagReview | None

    @property
    def dismissed(self) -> bool:
        return self.review is not None and self.review.decision == ReviewDecision.DISMISS


def standing_flags(*, schools, as_at: date) -> dict[int, StandingFlag]:
    """Each of `schools` (a queryset) scored by a current run as at or before `as_at` (its
    LA's own run rather than one for all of England), with the officer's review that stands
    now (a review is about the run's flag, whenever it was made), by school id. Three
    queries, however many schools."""
    runs = {run.pk: run for run in ModelRun.objects.filter(is_current=True, as_at__lte=as_at)}
    if not runs:
        return {}
    chosen: dict[int, RiskAssessment] = {}
    for assessment in RiskAssessment.objects.filter(run_id__in=runs, school__in=schools):
        assessment.run = runs[assessment.run_id]
        held = chosen.get(assessment.school_id)
        if held is None or (held.run.la_id is None and assessment.run.la_id is not None):
            chosen[assessment.school_id] = assessment
    reviews = latest_reviews(chosen.values())
    return {
        school_id: StandingFlag(assessment, reviews.get(assessment.pk))
        for school_id, assessment in chosen.items()
    }
