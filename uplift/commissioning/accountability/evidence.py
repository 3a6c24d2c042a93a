"""Gathering each part's evidence for a commission from what Uplift holds: milestones,
adviser visits and school-to-school deployments in its schools during the project (part 1);
action plan objectives' latest RAG reviews and teaching judged at inspection (part 2);
inspections and LA categories before and after (part 3); the schools' answers to the
feedback survey about the project (part 4). A fixed number of queries per school at most."""

from collections import Counter
from datetime import date

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from uplift.brokerage.models import Deployment
from uplift.commissioning.accountability import outcomes
from uplift.commissioning.accountability.tables import PartEvidence, Table
from uplift.commissioning.models import Commission, ReportPart
from uplift.core.dates import long_date
from uplift.feedback.models import Survey
from uplift.feedback.questions import SubjectKind
from uplift.feedback.selectors import summary
from uplift.funds.money import pounds
from uplift.support.models import ActionPlan, Objective, ProgressReview, Visit, VisitStatus


def _period_end(commission: Commission, today: date) -> date:
    return min(commission.ends_on, today)


def implementation(commission: Commission, schools, today: date) -> PartEvidence:
    milestones = list(commission.milestones.all())
    done = [m for m in milestones if m.done_on]
    overdue = [m for m in milestones if not m.done_on and m.due_on < today]
    until = _period_end(commission, today)
    visits = Counter(
        Visit.objects.filter(
            establishment__in=schools,
            status=VisitStatus.FINALISED,
            scheduled_for__range=(commission.starts_on, until),
        ).values_list("establishment_id", flat=True)
    )
    deployments: dict[int, list[Deployment]] = {}
    for deployment in Deployment.objects.filter(
        establishment__in=schools, starts_on__lte=until, ends_on__gte=commission.starts_on
    ).order_by("starts_on", "id"):
        deployments.setdefault(deployment.establishment_id, []).append(deployment)
    rows = []
    for school in schools:
        given = deployments.get(school.pk, [])
        reviewed = Counter(d.get_impact_display() for d in given if d.impact)
        rows.append(
            (
                school.name,
                str(visits.get(school.pk, 0)),
                str(len(given)),
                "; ".join(f"{label}: {n}" for label, n in sorted(reviewed.items()))
                or "Not yet reviewed",
            )
        )
    evidence = PartEvidence(
        facts=[
            ("Milestones and deliverables done", f"{len(done)} of {len(milestones)}"),
            ("Overdue", str(len(overdue))),
            ("Schools in the project", str(len(schools))),
            ("Budget committed", pounds(commission.budget_pence)),
        ]
    )
    evidence.tables.append(
        Table(
            "Milestones and deliverables",
            ("What", "Due", "Done"),
            [(m.text, long_date(m.due_on), long_date(m.done_on, "Not yet")) for m in milestones],
            "No milestones set.",
        )
    )
    evidence.tables.append(
        Table(
            "Adviser visits and school-to-school support during the project",
            ("School", "Visits with a finalised note", "Deployments", "Impact at review"),
            rows,
            "The project names no schools.",
        )
    )
    return evidence


def _latest_rag():
    latest = ProgressReview.objects.filter(objective=OuterRef("pk")).order_by("-reviewed_on", "-id")
    return Subquery(latest.values("rag")[:1])


def teaching(commission: Commission, schools, inspections, today: date) -> PartEvidence:
    until = _period_end(commission, today)
    plans = ActionPlan.objects.filter(establishment__in=schools, starts_on__lte=until).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=commission.starts_on)
    )
    objectives = (
        Objective.objects.filter(plan__in=plans)
        .annotate(rag=_latest_rag())
        .values("plan__establishment_id", "rag")
        .annotate(n=Count("id"), achieved=Count("id", filter=Q(achieved_on__isnull=False)))
    )
    tally: dict[int, Counter] = {}
    for row in objectives:
        counts = tally.setdefault(row["plan__establishment_id"], Counter())
        counts["all"] += row["n"]
        counts["achieved"] += row["achieved"]
        counts[row["rag"] or "none"] += row["n"]
    keys = ("all", "achieved", "green", "amber", "red", "none")
    rows = []
    for school in schools:
        counts = tally.get(school.pk, Counter())
        rows.append((school.name, *(str(counts[key]) for key in keys)))
    totals = sum(tally.values(), Counter())
    evidence = PartEvidence(
        facts=[
            ("Action plan objectives during the project", str(totals["all"])),
            ("Achieved", str(totals["achieved"])),
            (
                "Latest review green, amber, red",
                f"{totals['green']}, {totals['amber']}, {totals['red']}",
            ),
        ]
    )
    evidence.tables.append(
        Table(
            "Action plan objectives and their latest RAG review",
            ("School", "Objectives", "Achieved", "Green", "Amber", "Red", "Not yet reviewed"),
            rows,
        )
    )
    evidence.tables.append(outcomes.teaching_table(schools, inspections, commission.starts_on))
    return evidence


def school_outcomes(commission: Commission, schools, inspections) -> PartEvidence:
    inspected = outcomes.inspection_table(schools, inspections, commission.starts_on)
    changes = Counter(row[3] for row in inspected.rows)
    evidence = PartEvidence(
        facts=[
            (
                "Inspected since the start",
                str(len(schools) - changes["Not inspected since the start"]),
            ),
            ("Improved overall grade", str(changes["Improved"])),
            ("Declined", str(changes["Declined"])),
        ]
    )
    evidence.tables.append(inspected)
    evidence.tables.append(outcomes.category_table(schools, commission.starts_on))
    return evidence


def project_surveys(commission: Commission):
    return Survey.objects.filter(subject_kind=SubjectKind.COMMISSION, subject_id=commission.pk)


def school_feedback(commission: Commission) -> PartEvidence:
    said = summary(project_surveys(commission))
    evidence = PartEvidence(
        facts=[
            ("Schools asked", str(said.sent)),
            ("Schools that answered", str(said.answered)),
        ]
    )
    if said.has_sample:
        evidence.facts.append(("Sample answers", "Yes: made up for the demonstration"))
    evidence.tables.append(
        Table(
            "The schools' ratings (1 strongly disagree to 5 strongly agree)",
            ("Statement", "Answers", "Mean rating", "Agreeing"),
            [
                (q.text, str(q.ratings), f"{q.average:.1f}", f"{q.agree_percent}%")
                for q in said.questions
            ],
            "No school has answered yet.",
        )
    )
    evidence.tables.append(
        Table("Schools' comments", ("School", "Comment"), said.comments, "No comments.")
    )
    return evidence


def gather(commission: Commission, today: date | None = None) -> dict[str, PartEvidence]:
    """Each part's evidence, by part."""
    today = today or timezone.localdate()
    schools = list(commission.schools.order_by("name"))
    inspections = outcomes.inspections_by_school(schools, today)
    return {
        ReportPart.IMPLEMENTATION: implementation(commission, schools, today),
        ReportPart.TEACHING: teaching(commission, schools, inspections, today),
        ReportPart.OUTCOMES: school_outcomes(commission, schools, inspections),
        ReportPart.FEEDBACK: school_feedback(commission),
    }
