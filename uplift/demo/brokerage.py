"""The demo's school-to-school support: system leaders drawn from the LA's category 1 schools
(sample designations, labelled as samples on every page), three deployments brokered for
schools with open concern cases (two in progress, one completed with its impact review and
exit), and the Learning Bank credits they earned and spent. Idempotent: an LA that already
has sample leaders is left alone."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from uplift.audit.models import Via
from uplift.brokerage.eligibility import eligibility_of
from uplift.brokerage.matching import broker
from uplift.brokerage.models import SupportOrganisation, SystemLeader
from uplift.brokerage.services import credits, deployments, practice, register, requests
from uplift.casework.models import ConcernCase, Stage
from uplift.categorisation.rounds.selectors import current_categories
from uplift.schools.models import Establishment

SAMPLE_LEADERS = (  # made-up people: the register labels them as sample designations
    ("Alex Morgan", "nle", "Department for Education", ""),
    ("Priya Shah", "lle", "{la}", ""),
    ("Tom Evans", "local", "{la}", "{la} Leaders of Education"),
    ("Grace Okafor", "sle", "Teaching school hub", ""),
)
SPECIALISMS = (
    ["curriculum_teaching", "leadership_governance", "achievement"],
    ["leadership_governance", "governance", "finance"],
    ["curriculum_teaching", "reading", "english"],
    ["inclusion", "send", "attendance_behaviour", "curriculum_teaching"],
)
NEEDS = (
    ["curriculum_teaching", "leadership_governance"],
    ["leadership_governance", "governance"],
    ["curriculum_teaching", "reading"],
)


def seed_brokerage(*, la, officer_username: str = "la.officer") -> str:
    if SystemLeader.objects.filter(organisation__la=la, is_sample=True).exists():
        return "sample system leaders already present"
    officer = get_user_model().objects.get(username=officer_username)
    change = {"actor": officer, "via": Via.CLI}
    today = timezone.localdate()
    supporters = _category_one_schools(la)[: len(SAMPLE_LEADERS)]
    if not supporters:
        return "no category 1 school to draw system leaders from"
    for index, school in enumerate(supporters):
        _sample_leader(change, la, school, index, today)
    receivers = list(
        Establishment.objects.filter(
            pk__in=ConcernCase.objects.exclude(stage=Stage.CLOSED).values("establishment_id"),
            la=la,
        ).order_by("urn")[:3]
    )
    made = [
        _deployment(change, school, NEEDS[i], today, completed=(i == 2), by_credits=(i == 0))
        for i, school in enumerate(receivers)
    ]
    made = [d for d in made if d is not None]
    _good_practice(change, supporters[0], today)
    return f"{len(supporters)} sample system leaders, {len(made)} deployments"


def _category_one_schools(la) -> list[Establishment]:
    schools = list(Establishment.objects.filter(la=la).order_by("urn"))
    categories = current_categories(establishment_ids=[s.pk for s in schools])
    best = [s for s in schools if categories.get(s.pk) and categories[s.pk].category == "1"]
    verdicts = eligibility_of(schools=best)
    return [s for s in best if verdicts[s.pk].eligible]


def _sample_leader(change, la, school, index, today):
    organisation = SupportOrganisation.objects.filter(la=la, establishment=school).first()
    if organisation is None:
        organisation = register.add_organisation(
            la=la, kind="school", name="", urn=school.urn, **change
        )
    register.record_check(
        organisation=organisation,
        checked_on=today - timedelta(days=300),
        what="Safeguarding, finances and capacity (demo)",
        outcome="passed",
        **change,
    )
    name, kind, body, scheme = SAMPLE_LEADERS[index]
    register.add_designated_leader(
        organisation=organisation,
        name=name,
        phases=[school.phase_group or "primary"],
        specialisms=SPECIALISMS[index],
        days_per_term=10,
        is_sample=True,
        kind=kind,
        designated_by=body.format(la=la.name),
        scheme=scheme.format(la=la.name),
        starts_on=today - timedelta(days=700),
        **change,
    )


def _deployment(change, school, areas, today, *, completed, by_credits):
    case = ConcernCase.objects.filter(establishment=school).exclude(stage=Stage.CLOSED).first()
    request = requests.raise_request(
        establishment=school,
        raised_from="case",
        case=case,
        areas=areas,
        days=6,
        needed_by=today + timedelta(days=30),
        funding="credits" if by_credits else "la",
        details="Sample request for the demonstration",
        **change,
    )
    proposals = broker(request=request).proposals
    if not proposals:
        return None
    start = today - timedelta(days=(200 if completed else 60))
    if by_credits:
        credits.adjust_credits(
            establishment=school,
            credits=100,
            occurred_on=start,
            reason="Learning Bank allocation (demo)",
            **change,
        )
    deployment = deployments.agree_deployment(
        request=request,
        leader=proposals[0].leader,
        days_planned=6,
        starts_on=start,
        ends_on=start + timedelta(days=120),
        review_on=start + timedelta(days=90),
        school_agreed_on=start,
        supporter_agreed_on=start,
        la_agreed_on=start,
        objectives=[
            {"text": "Sample objective: " + " and ".join(a.replace("_", " ") for a in areas)}
        ],
        **change,
    )
    for week in range(4 if completed else 2):
        deployments.log_session(
            deployment=deployment,
            held_on=start + timedelta(days=7 * (week + 1)),
            days=1,
            focus="Sample session",
            notes="Sample notes of the session, shared with the school.",
            **change,
        )
    if completed:
        deployments.review_deployment(
            deployment=deployment,
            reviewed_on=start + timedelta(days=90),
            impact="strong",
            summary="Sample review: leaders now check the curriculum's sequence themselves.",
            **change,
        )
        deployments.exit_deployment(
            deployment=deployment,
            exited_on=start + timedelta(days=100),
            summary="Sample exit plan: termly check-ins by the adviser.",
            **change,
        )
    return deployment


def _good_practice(change, school, today):
    practice.add_good_practice(
        establishment=school,
        area="curriculum_teaching",
        phase=school.phase_group or "primary",
        title="Sample: a sequenced curriculum in foundation subjects",
        summary="Sample entry for the demonstration: subject leaders plan a sequence of "
        "knowledge from Reception to Year 6 and check it in pupils' books.",
        evidence="Category 1 in the LA's autumn round",
        contact_name="Sample contact",
        contact_email="sample.contact@demo.uplift.invalid",
        **change,
    )
