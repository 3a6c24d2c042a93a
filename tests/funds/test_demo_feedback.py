"""The demo's sample feedback: the schools of "Good to Great" asked, all but the headteacher
persona's school answering, the report's school feedback part showing their answers as a
sample; run twice, nothing changes."""

from django.test import Client

from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.commissioning.models import Commission
from uplift.demo.feedback import seed_feedback
from uplift.demo.funds import seed_money
from uplift.feedback.models import Survey
from uplift.schools.models import Establishment


def test_the_sample_commission_has_school_feedback(mw):
    for urn, name in ((117009, "Croxley Primary"), (117010, "Datchworth Primary")):
        Establishment.objects.create(
            urn=urn, la=mw.herts, name=name, laestab=f"919{urn % 10000:04d}", status="Open"
        )
    seed_money(la=mw.herts)
    said = seed_feedback(la=mw.herts)
    commission = Commission.objects.get(title="Good to Great")
    surveys = Survey.objects.filter(subject_kind="commission", subject_id=commission.pk)
    assert said == "4 schools asked about Good to Great, 3 answered (sample)"
    assert surveys.count() == 4 and all(s.is_sample for s in surveys)
    assert not surveys.get(establishment=mw.primary).answered  # the persona's, left to answer
    assert seed_feedback(la=mw.herts) == "sample feedback already there"
    assert Survey.objects.count() == 4

    officer = Client()
    officer.force_login(mw["la.officer"])
    page = officer.get(f"/commissioning/commissions/{commission.pk}/").content.decode()
    assert "Sample answers" in page
    assert "The school development days brought our staff together (sample)." in page
    head = Client()
    head.force_login(mw["headteacher"])
    assert (
        "Give your feedback on the project Good to Great" in head.get("/feedback/").content.decode()
    )
