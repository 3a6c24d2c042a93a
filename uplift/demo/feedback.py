"""The demo's feedback (sample data, labelled as such): the schools of the sample commission
"Good to Great" are asked for their feedback on the project and all but one answer (the
headteacher persona's school, when it is one of them, is left to answer, so the persona has a
survey waiting); the officer's commentary on the school feedback part is written, so the
four-part report shows the schools' feedback beside it. Idempotent."""

from django.contrib.auth import get_user_model

from uplift.audit.models import Via
from uplift.commissioning.accountability.surveys import ask_schools
from uplift.commissioning.commissions import services as commissions
from uplift.commissioning.models import Commission
from uplift.feedback.models import Survey
from uplift.feedback.services import answer_survey

CLI = {"actor": None, "via": Via.CLI}
COMMISSION = "Good to Great"
# (ratings of: delivered as agreed, teaching, outcomes, would recommend; comment)
ANSWERS = (
    ((5, 4, 4, 5), "The coaching days changed how our middle leaders observe lessons (sample)."),
    ((4, 4, 3, 4), "Good support; too early to see it in our results (sample)."),
    ((4, 5, 4, 5), "The school development days brought our staff together (sample)."),
    ((3, 3, 3, 4), ""),
)


def seed_feedback(*, la, head_username: str = "headteacher") -> str:
    commission = Commission.objects.filter(la=la, title=COMMISSION, is_sample=True).first()
    if commission is None:
        return "no sample commission to ask about"
    if Survey.objects.filter(subject_kind="commission", subject_id=commission.pk).exists():
        return "sample feedback already there"
    asked = ask_schools(commission=commission, reason="Demo sample data", **CLI)
    head = get_user_model().objects.filter(username=head_username).first()
    head_school = getattr(getattr(head, "profile", None), "establishment_id", None)
    surveys = Survey.objects.filter(subject_kind="commission", subject_id=commission.pk).order_by(
        "establishment__urn"
    )
    waiting = [s for s in surveys if s.establishment_id == head_school] or list(surveys)[-1:]
    answered = 0
    for survey, (ratings, comment) in zip(
        [s for s in surveys if s not in waiting], ANSWERS, strict=False
    ):
        keys = [q["key"] for q in survey.questions]
        answer_survey(
            survey=survey,
            ratings=dict(zip(keys, ratings, strict=True)),
            comments=comment,
            by_link=True,
            **CLI,
        )
        answered += 1
    commissions.save_report_section(
        commission=commission,
        part="feedback",
        rag="green",
        evidence=(
            "Heads value the coaching and the school development days; one school says it is "
            "too early to see the difference in results (sample)."
        ),
        reason="Demo sample data",
        **CLI,
    )
    return f"{asked} schools asked about {COMMISSION}, {answered} answered (sample)"
