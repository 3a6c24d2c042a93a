"""Reading for categorisation: the evidence about many schools in a fixed number of queries,
running a policy over an LA, and the policies a user may see."""

from collections import defaultdict
from dataclasses import replace
from datetime import date

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from uplift.categorisation import access
from uplift.categorisation.engine import Outcome, definition_of, evaluate
from uplift.categorisation.evidence import (
    EarlyWarningEvidence,
    InspectionEvidence,
    JudgementEvidence,
    MeasureResult,
    SchoolEvidence,
    Source,
    SourceKind,
    early_warning_source,
    import_source,
    inspection_source,
    judgement_source,
)
from uplift.categorisation.models import OfficerJudgement, Policy, PolicyVersion
from uplift.categorisation.scope import EXCLUDE
from uplift.core.words import person_name
from uplift.earlywarning.selectors import standing_flags
from uplift.governors.selectors import GOVERNANCE_CRITERION, latest_ratings
from uplift.imports.models import ImportRun
from uplift.inspections import frameworks
from uplift.inspections.models import Inspection, Judgement
from uplift.inspections.selectors import GRADED_KINDS
from uplift.performance.models import Level, Result
from uplift.schools.models import Establishment

SCHOOL_FIELDS = ("id", "urn", "name", "phase_group", "la_id", "type_name", "type_group", "status")


def open_on(day: date) -> Q:
    """Establishments open on `day`: opened by then (or no date known), not closed by then
    (a "Closed" status without a date counts as closed), not only proposed to open."""
    opened = Q(open_date__isnull=True) | Q(open_date__lte=day)
    not_closed = Q(close_date__gt=day) | (
        Q(close_date__isnull=True) & ~Q(status__istartswith="closed")
    )
    not_proposed = ~Q(status__istartswith="proposed to open") | Q(open_date__lte=day)
    return opened & not_closed & not_proposed


def open_schools(*, la, as_at: date) -> QuerySet[Establishment]:
    return la.establishments.filter(open_on(as_at)).order_by("name", "urn")


def last_completed_year(as_at: date) -> str:
    """The last academic year (September to August) finished on `as_at`, e.g. '2025-26'."""
    end = as_at.year if as_at >= date(as_at.year, 9, 1) else as_at.year - 1
    return f"{end - 1}-{end % 100:02d}"


def gather_evidence(
    *, establishments: QuerySet[Establishment], policy_versions, as_at: date
) -> list[tuple[Establishment, SchoolEvidence]]:
    """Each establishment (in the queryset's order) with what the policy versions read about
    it on `as_at`: its latest graded inspection counting then (from its publication date
    when known), its results for the policies' measures in academic years finished by then
    (newest first), and the latest officer judgement recorded by then for each judged
    criterion, and the early warning's flag when a policy reads it. At most nine queries,
    however many schools."""
    definitions = [definition_of(version) for version in policy_versions]
    measures = sorted(set().union(*(d.measure_codes() for d in definitions)))
    criteria = sorted(set().union(*(d.judgement_criteria() for d in definitions)))
    schools = list(establishments.only(*SCHOOL_FIELDS))
    ids = establishments.order_by().values("pk")
    inspections = _latest_inspections(ids, as_at)
    results = _results(ids, measures, as_at)
    judgements = _judgements(ids, criteria, as_at)
    flags = _early_warning(ids, as_at) if any(d.reads_early_warning() for d in definitions) else {}
    return [
        (
            school,
            SchoolEvidence(
                establishment_id=school.pk,
                urn=school.urn,
                name=school.name,
                phase_group=school.phase_group,
                inspection=inspections.get(school.pk),
                results=results.get(school.pk, {}),
                judgements=judgements.get(school.pk, {}),
                early_warning=flags.get(school.pk),
            ),
        )
        for school in schools
    ]


def _latest_inspections(ids, as_at: date) -> dict[int, InspectionEvidence]:
    counting = (
        Inspection.objects.filter(kind__in=GRADED_KINDS)
        .annotate(counts_from=Coalesce("publication_date", "start_date"))
        .filter(counts_from__lte=as_at)
    )
    newest = counting.filter(establishment_id=OuterRef("establishment_id")).order_by(
        "-start_date", "-id"
    )
    latest = counting.filter(establishment_id__in=ids, id=Subquery(newest.values("id")[:1]))
    rows = list(
        latest.values(
            "id",
            "establishment_id",
            "framework",
            "start_date",
            "inspection_number",
            "overall_grade",
            "category_of_concern",
            "safeguarding",
            "import_run__file_name",
        )
    )
    areas: dict[int, dict[str, str]] = defaultdict(dict)
    for inspection_id, area, grade in Judgement.objects.filter(
        inspection_id__in=latest.values("id")
    ).values_list("inspection_id", "area", "grade"):
        areas[inspection_id][area] = grade
    found = {}
    for row in rows:
        framework = frameworks.framework(row["framework"])
        found[row["establishment_id"]] = InspectionEvidence(
            framework=row["framework"],
            start_date=row["start_date"],
            number=row["inspection_number"],
            overall_grade=row["overall_grade"],
            category_of_concern=row["category_of_concern"],
            safeguarding=row["safeguarding"],
            areas=areas.get(row["id"], {}),
            source=inspection_source(
                number=row["inspection_number"],
                start_date=row["start_date"],
                framework_name=framework.name,
                file_name=row["import_run__file_name"] or "",
            ),
        )
    return found


def _results(ids, codes: list[str], as_at: date) -> dict[int, dict[str, tuple]]:
    if not codes:
        return {}
    rows = list(
        Result.objects.filter(
            level=Level.SCHOOL,
            establishment_id__in=ids,
            measure__code__in=codes,
            academic_year__lte=last_completed_year(as_at),
        )
        .order_by("establishment_id", "measure__code", "-academic_year")
        .values_list(
            "establishment_id",
            "measure__code",
            "academic_year",
            "value",
            "suppression",
            "import_run_id",
        )
    )
    run_ids = {row[5] for row in rows if row[5] is not None}
    runs = {
        pk: (importer, file_name, options)
        for pk, importer, file_name, options in ImportRun.objects.filter(
            id__in=run_ids
        ).values_list("id", "importer", "file_name", "options")
    }
    sources = {}
    found: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for school_id, code, year, value, suppression, run_id in rows:
        key = (run_id, year)
        if key not in sources:
            importer, file_name, options = runs.get(run_id, ("", "", {}))
            sources[key] = import_source(
                file_name=file_name,
                run_id=run_id,
                academic_year=year,
                importer=importer,
                options=options,
            )
        found[school_id][code].append(MeasureResult(year, value, suppression, sources[key]))
    return {
        school_id: {code: tuple(values) for code, values in by_code.items()}
        for school_id, by_code in found.items()
    }


def _judgements(ids, criteria: list[str], as_at: date) -> dict[int, dict[str, JudgementEvidence]]:
    if not criteria:
        return {}
    rows = (
        OfficerJudgement.objects.filter(
            establishment_id__in=ids, criterion__in=criteria, judged_on__lte=as_at
        )
        .select_related("recorded_by")
        .order_by("establishment_id", "criterion", "-judged_on", "-recorded_at", "-id")
    )
    found: dict[int, dict[str, JudgementEvidence]] = defaultdict(dict)
    for judgement in rows:
        if judgement.criterion in found[judgement.establishment_id]:
            continue  # an older judgement of the same criterion
        author = person_name(judgement.recorded_by) if judgement.recorded_by_id else ""
        found[judgement.establishment_id][judgement.criterion] = JudgementEvidence(
            criterion=judgement.criterion,
            value=judgement.value,
            evidence=judgement.evidence,
            recorded_by=author,
            recorded_at=judgement.recorded_at,
            source=judgement_source(recorded_by=author, judged_on=judgement.judged_on),
        )
    if GOVERNANCE_CRITERION in criteria:
        _governance_ratings(ids, as_at, found)
    return found


def _early_warning(ids, as_at: date) -> dict[int, EarlyWarningEvidence]:
    found = {}
    for school_id, flag in standing_flags(schools=ids, as_at=as_at).items():
        review = flag.review
        dismissed = flag.dismissed
        reasons = flag.assessment.reasons or []
        found[school_id] = EarlyWarningEvidence(
            flagged=flag.assessment.flagged,
            dismissed=dismissed,
            risk=flag.assessment.risk,
            reason=review.reason if dismissed else (reasons[0] if reasons else ""),
            source=early_warning_source(
                scored_on=flag.assessment.run.as_at,
                reviewed_by=person_name(review.reviewed_by) if dismissed else "",
                reviewed_on=review.reviewed_at.date() if dismissed else None,
            ),
        )
    return found


def _governance_ratings(ids, as_at: date, found) -> None:
    """The LA's rating of a school's governance, where no officer judged the criterion."""
    for school_id, review in latest_ratings(ids, as_at).items():
        if GOVERNANCE_CRITERION in found[school_id]:
            continue
        found[school_id][GOVERNANCE_CRITERION] = JudgementEvidence(
            criterion=GOVERNANCE_CRITERION,
            value=review.rating,
            evidence=review.evidence,
            recorded_by="",
            recorded_at=review.recorded_at,
            source=Source(
                SourceKind.JUDGEMENT,
                f"The LA's rating of governance, {review.reviewed_on:%-d %B %Y}",
                (("review", str(review.pk)), ("reviewed_on", review.reviewed_on.isoformat())),
            ),
        )


def categorise_la(*, la, policy_version, as_at: date) -> list[tuple[Establishment, Outcome]]:
    """Every school of the LA open on `as_at`, by name, with the category the policy version
    gives it and why."""
    schools = open_schools(la=la, as_at=as_at)
    return categorise(establishments=schools, policy_version=policy_version, as_at=as_at)


def categorise(
    *, establishments, policy_version, as_at: date
) -> list[tuple[Establishment, Outcome]]:
    """The schools in the policy's scope with the category it gives each: schools it leaves
    out (independent schools, unless the LA opts in) are not listed, and those it monitors
    only (academies, by default) say so."""
    evidence = gather_evidence(
        establishments=establishments, policy_versions=[policy_version], as_at=as_at
    )
    scope = definition_of(policy_version).scope
    found = []
    for school, school_evidence in evidence:
        footing = scope.footing(school)
        if footing == EXCLUDE:
            continue
        outcome = evaluate(policy_version=policy_version, evidence=school_evidence)
        found.append((school, replace(outcome, footing=footing)))
    return found


# Policies


def visible_policies(user) -> QuerySet[Policy]:
    """The policies of the LAs whose categorisation the user may read and change."""
    return Policy.objects.filter(la__in=access.categorisation_las(user)).select_related("la")


def policies_for_list(user) -> list[Policy]:
    """Visible policies by LA and name, each with its `latest_version` and `active_version`
    (None when no version is active). Two queries."""
    policies = list(visible_policies(user).order_by("la__name", "name"))
    versions = defaultdict(list)
    for version in PolicyVersion.objects.filter(policy__in=policies).order_by("-number"):
        versions[version.policy_id].append(version)
    for policy in policies:
        listed = versions[policy.pk]
        policy.latest_version = listed[0] if listed else None
        policy.active_version = next((v for v in listed if v.status == "active"), None)
    return policies
