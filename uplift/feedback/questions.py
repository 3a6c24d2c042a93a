"""The survey template of each kind of subject: a few statements a head rates from
"Strongly disagree" to "Strongly agree". A survey keeps a copy of its questions when it is
sent, so a later change of wording never changes what an answer meant."""

from django.db import models


class SubjectKind(models.TextChoices):
    """What the feedback is about. The subject lives in an app above feedback, named here by
    its kind and id only."""

    VISIT = "visit", "Adviser visit"
    DEPLOYMENT = "deployment", "School-to-school support"
    TRADED = "traded", "Traded service"
    COMMISSION = "commission", "Commissioned project"


SCALE = (
    (1, "Strongly disagree"),
    (2, "Disagree"),
    (3, "Neither agree nor disagree"),
    (4, "Agree"),
    (5, "Strongly agree"),
)
AGREE_FROM = 4  # "Agree" and "Strongly agree" count as agreeing

TEMPLATES: dict[str, tuple[tuple[str, str], ...]] = {
    SubjectKind.VISIT: (
        ("focus", "The visit focused on what matters most for our school"),
        ("challenge", "The adviser's challenge and support will help us improve"),
        ("note", "The note of visit was accurate and useful"),
    ),
    SubjectKind.DEPLOYMENT: (
        ("match", "The support was well matched to our needs"),
        ("staff", "The system leader worked well with our staff"),
        ("teaching", "The support has improved teaching or leadership in our school"),
        ("again", "We would ask this provider for support again"),
    ),
    SubjectKind.TRADED: (
        ("needs", "The service met our needs"),
        ("value", "The service was good value for money"),
        ("again", "We would buy this service again"),
    ),
    SubjectKind.COMMISSION: (
        ("delivery", "The project was well organised and delivered as agreed"),
        ("teaching", "The project improved the quality of teaching in our school"),
        ("outcomes", "The project improved outcomes for our pupils"),
        ("recommend", "We would recommend the project to other schools"),
    ),
}


def questions_for(kind: str) -> list[dict]:
    return [{"key": key, "text": text} for key, text in TEMPLATES[kind]]


def scale_label(rating: int) -> str:
    return dict(SCALE).get(rating, "Not answered")
