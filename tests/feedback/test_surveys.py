"""Feedback surveys as people use them: the officer asks a commission's schools, the head
answers through the emailed link without signing in, the link then stops working, and the
answers show in the roll-ups and the commission's accountability report."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.commissioning.world import commission
from tests.funds.world import money_world_fixture  # noqa: F401
from tests.web.test_plain_words import problems_in
from uplift.audit.models import AuditEvent, Via
from uplift.core.errors import Conflict, NotAllowed, Refused
from uplift.feedback import selectors, services
from uplift.feedback.models import Answer, Survey
from uplift.feedback.questions import SubjectKind
from uplift.people.services import token_hash

LINK = re.compile(r"https?://\S+/feedback/answer/([\w-]+)/")
ALL_AGREE = {"q_delivery": 5, "q_teaching": 4, "q_outcomes": 4, "q_recommend": 5}


def client_for(mw, username) -> Client:
    client = Client()
    client.force_login(mw[username])
    return client


def ask(mw, django_capture_on_commit_callbacks):
    placed = commission(mw, mw.fund())
    officer = client_for(mw, "la.officer")
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(f"/commissioning/commissions/{placed.pk}/feedback/")
    assert response.status_code == 302
    return placed, officer


def test_done_when_the_head_answers_by_link_and_the_report_shows_it(
    mw, django_capture_on_commit_callbacks
):
    placed, officer = ask(mw, django_capture_on_commit_callbacks)
    assert Survey.objects.filter(subject_kind="commission", subject_id=placed.pk).count() == 2
    [email] = mail.outbox  # only the primary school has a headteacher account
    assert email.to == [mw["headteacher"].email]
    token = LINK.search(email.body).group(1)
    assert problems_in(email.subject + "\n" + LINK.sub("", email.body)) == []
    assert not Survey.objects.filter(token_hash=token).exists()  # only the hash is kept
    assert Survey.objects.filter(token_hash=token_hash(token)).exists()

    visitor = Client()  # not signed in
    link = f"/feedback/answer/{token}/"
    form = visitor.get(link)
    assert form.status_code == 200
    assert "The project improved outcomes for our pupils" in form.content.decode()
    done = visitor.post(link, {**ALL_AGREE, "comments": "Coaching changed our lessons."})
    assert done.status_code == 200 and "Thank you for your feedback" in done.content.decode()
    survey = Survey.objects.get(establishment=mw.primary, subject_id=placed.pk)
    assert survey.answered_by == mw["headteacher"]
    assert sorted(Answer.objects.filter(survey=survey).values_list("rating", flat=True)) == [
        4,
        4,
        5,
        5,
    ]
    again = visitor.get(link)
    assert again.status_code == 410 and "already been answered" in again.content.decode()

    page = officer.get(f"/commissioning/commissions/{placed.pk}/").content.decode()
    assert "Coaching changed our lessons." in page
    assert "The project improved outcomes for our pupils" in page
    assert "Schools that answered" in page
    report_csv = officer.get(f"/commissioning/commissions/{placed.pk}/report.csv")
    assert "Coaching changed our lessons." in report_csv.content.decode()


def test_a_missing_rating_is_refused_and_nothing_is_saved(mw, django_capture_on_commit_callbacks):
    ask(mw, django_capture_on_commit_callbacks)
    token = LINK.search(mail.outbox[0].body).group(1)
    answer = {k: v for k, v in ALL_AGREE.items() if k != "q_outcomes"}
    page = Client().post(f"/feedback/answer/{token}/", answer)
    assert page.status_code == 200
    assert "Choose how far you agree: The project improved outcomes" in page.content.decode()
    assert not Answer.objects.exists()
    assert not Survey.objects.filter(answered_at__isnull=False).exists()


def test_an_expired_or_unknown_link_is_refused(mw, django_capture_on_commit_callbacks):
    ask(mw, django_capture_on_commit_callbacks)
    token = LINK.search(mail.outbox[0].body).group(1)
    Survey.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert Client().get(f"/feedback/answer/{token}/").status_code == 410
    with pytest.raises(Conflict, match="expired"):
        services.survey_for_link(token)
    with pytest.raises(Refused, match="not valid"):
        services.survey_for_link("not-a-token")
    # Signed in, the head still answers after the link has expired.
    survey = Survey.objects.get(establishment=mw.primary)
    head = client_for(mw, "headteacher")
    assert head.post(f"/feedback/surveys/{survey.pk}/", ALL_AGREE).status_code == 302
    assert Survey.objects.get(pk=survey.pk).answered


def test_the_head_answers_signed_in_from_their_feedback_page(
    mw, django_capture_on_commit_callbacks
):
    ask(mw, django_capture_on_commit_callbacks)
    head = client_for(mw, "headteacher")
    listing = head.get("/feedback/").content.decode()
    assert "Give your feedback on the project Good to Great" in listing
    assert "Bishop" not in listing  # the other school's survey is not theirs
    mine = Survey.objects.get(establishment=mw.primary)
    theirs = Survey.objects.get(establishment=mw.secondary)
    assert head.get(f"/feedback/surveys/{theirs.pk}/").status_code == 404
    assert client_for(mw, "chair").get("/feedback/").status_code == 403
    response = head.post(f"/feedback/surveys/{mine.pk}/", {**ALL_AGREE, "comments": "Good"})
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="feedback.answered")
    assert event.actor == mw["headteacher"] and event.reason == "Answered signed in"
    with pytest.raises(Conflict, match="already been answered"):
        services.answer_survey(
            actor=mw["headteacher"], via=Via.WEB, survey=mine, ratings={"delivery": 5}
        )


def test_only_the_schools_headteacher_answers_signed_in(mw, django_capture_on_commit_callbacks):
    ask(mw, django_capture_on_commit_callbacks)
    survey = Survey.objects.get(establishment=mw.primary)
    for username in ("la.officer", "chair", "adviser"):
        with pytest.raises(NotAllowed):
            services.answer_survey(
                actor=mw[username],
                via=Via.WEB,
                survey=survey,
                ratings={k[2:]: v for k, v in ALL_AGREE.items()},
            )


def test_a_subject_asks_each_school_once(mw):
    subject = services.Subject(
        kind=SubjectKind.VISIT,
        id=7,
        label="the adviser visit of 5 October 2026",
        provider="Ada Adviser",
        service="Adviser visits",
        happened_on=timezone.localdate(),
    )
    first = services.request_feedback(
        actor=None, via=Via.CLI, subject=subject, establishment=mw.primary
    )
    second = services.request_feedback(
        actor=None, via=Via.CLI, subject=subject, establishment=mw.primary
    )
    assert first.pk == second.pk and Survey.objects.count() == 1


def _answered(mw, *, kind, id_, provider, service, school, ratings):
    survey = services.request_feedback(
        actor=None,
        via=Via.CLI,
        subject=services.Subject(
            kind, id_, f"thing {id_}", provider, service, timezone.localdate()
        ),
        establishment=school,
    )
    keys = [q["key"] for q in survey.questions]
    return services.answer_survey(
        actor=None,
        via=Via.WEB,
        survey=survey,
        ratings=dict(zip(keys, ratings, strict=False)),
        by_link=True,
    )


def test_rollups_per_provider_and_per_service_in_two_queries(mw, django_assert_max_num_queries):
    _answered(
        mw,
        kind="visit",
        id_=1,
        provider="Ada Adviser",
        service="Adviser visits",
        school=mw.primary,
        ratings=[5, 4, 2],
    )
    _answered(
        mw,
        kind="visit",
        id_=2,
        provider="Ada Adviser",
        service="Adviser visits",
        school=mw.secondary,
        ratings=[3, 3, 3],
    )
    _answered(
        mw,
        kind="traded",
        id_=3,
        provider="Hertfordshire",
        service="Governor services",
        school=mw.primary,
        ratings=[5, 5, 5],
    )
    services.request_feedback(  # sent, not answered
        actor=None,
        via=Via.CLI,
        subject=services.Subject(
            "visit", 4, "x", "Ada Adviser", "Adviser visits", timezone.localdate()
        ),
        establishment=mw.essex_school,
    )
    officer = mw["la.officer"]
    with django_assert_max_num_queries(4):
        rows = selectors.rollup(user=officer, by="provider")
    ada = next(r for r in rows if r.name == "Ada Adviser")
    assert (ada.sent, ada.answered, ada.schools, ada.ratings) == (2, 2, 2, 6)  # Essex's not seen
    assert ada.average == 3.3 and ada.agree_percent == 33
    services_rows = selectors.rollup(user=officer, by="service")
    assert [r.name for r in services_rows] == ["Adviser visits", "Governor services"]
    reader = client_for(mw, "la.officer")
    with django_assert_max_num_queries(12):
        page = reader.get("/feedback/").content.decode()
    assert "Ada Adviser" in page and "Governor services" in page
    csv_text = client_for(mw, "la.officer").get("/feedback/rollup.csv").content.decode()
    assert "Provider,Ada Adviser,2,2,2,3.3,33" in csv_text
    assert "Service,Governor services,1,1,1,5.0,100" in csv_text
