"""The demo's sample governing bodies: labelled as sample, some needing attention, training
recorded; run twice, made once."""

from django.test import Client

from tests.governors.conftest import _school, _user
from uplift.accounts.models import Role
from uplift.demo.governors import seed_governors
from uplift.governors import selectors
from uplift.governors.models import GoverningBody, TrainingSession


def test_seed_governors(gw):
    for n in range(4, 9):
        _school(117000 + n, gw.herts, f"School {n}")
    officer = _user("la.officer", Role.LA_OFFICER, la=gw.herts)
    said = seed_governors(la=gw.herts)
    assert said.startswith("8 sample governing bodies")  # the head's school and 7 others
    assert GoverningBody.objects.filter(is_sample=True).count() == 8
    attention = selectors.needing_attention(officer)
    assert attention and len(attention) < 8
    assert TrainingSession.objects.filter(is_sample=True).count() == 2
    assert seed_governors(la=gw.herts) == "sample governing bodies already there"
    client = Client()
    client.force_login(officer)
    page = client.get("/governors/").content.decode()
    assert "Sample" in page
    body = client.get("/governors/117001/").content.decode()
    assert "Sample data: this governing body" in body
