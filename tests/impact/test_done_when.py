"""The issue's "done when", on demo-like data: for a completed deployment the impact page shows
before and after for the chosen measures and the comparison group's change, with the number
of matched schools; the same through the API and the command line; saving the findings feeds
the track records and brokerage's ranking."""

import html
import json
from io import StringIO

from django.core.management import call_command
from django.test import Client

from tests.impact.world import iw_fixture  # noqa: F401
from uplift.api.services import create_token
from uplift.brokerage.matching import broker
from uplift.impact.models import Finding


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_completed_deployment_impact_end_to_end(iw, django_assert_max_num_queries):
    bw, dep = iw.bw, iw.deployment
    officer = _client(bw.officer)
    deployment_page = officer.get(f"/brokerage/deployments/{dep.pk}/").content.decode()
    assert f"/impact/deployment/{dep.pk}/" in deployment_page

    with django_assert_max_num_queries(40):
        response = officer.get(f"/impact/deployment/{dep.pk}/")
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "Did the support work?" in page
    assert "Key stage 2: reading progress" in page
    assert "Before: 2018-19; after: 2023-24." in page
    assert "Did 2.0 better than similar schools (8 matched schools)." in page
    assert 'id="table-ks2-reading"' in page and "<svg" in page  # the chart and its table
    assert "Similar schools" in page and "up 1.0" in page  # the comparison group's change
    # A measure with no figures says so rather than showing nothing.
    assert "No figures both before and after the support" in page

    head = _client(bw["headteacher"])
    assert head.get(f"/impact/deployment/{dep.pk}/").status_code == 200
    assert head.post(f"/impact/deployment/{dep.pk}/", {"form": "save"}).status_code == 403
    assert not Finding.objects.exists()

    saved = officer.post(f"/impact/deployment/{dep.pk}/", {"form": "save"})
    assert saved.status_code == 302
    reading = Finding.objects.get(kind="deployment", piece_id=dep.pk, measure="ks2_reading")
    assert (reading.enough, reading.matches, float(reading.gain)) == (True, 8, 2.0)

    records = html.unescape(officer.get("/impact/track-records/").content.decode())
    assert "Amy Ashwell" in records
    assert "Better than similar schools on 2 of 2 measures" in records
    detail = officer.get(f"/impact/track-records/leader/{dep.leader_id}/")
    assert "Key stage 2: reading progress" in detail.content.decode()

    proposals = broker(request=bw.request()).proposals
    amy = next(p for p in proposals if p.leader.pk == dep.leader_id)
    assert "Schools they supported did better than similar schools on 2 of 2 measures" in (
        amy.reasons
    )

    token = create_token(user=bw.officer).secret
    api = Client().get(
        f"/api/v1/deployments/{dep.pk}/impact", headers={"Authorization": f"Bearer {token}"}
    )
    body = api.json()
    found = next(m for m in body["measures"] if m["measure"] == "ks2_reading")
    assert (found["before"], found["after"], found["matches"]) == (-2.0, 1.0, 8)
    assert found["comparison_change"] == 1.0 and found["difference"] == 2.0

    out = StringIO()
    call_command("report", "impact", "--deployment", str(dep.pk), "--format", "json", stdout=out)
    printed = {m["measure"]: m for m in json.loads(out.getvalue())["measures"]}
    assert printed["ks2_reading"]["matched_schools"] == 8
    assert printed["absence"]["difference"] == 1.0


def test_the_command_names_a_piece_that_does_not_exist(db):
    from django.core.management.base import CommandError

    try:
        call_command("report", "impact", "--deployment", "999999", stdout=StringIO())
    except CommandError as refused:
        assert refused.returncode == 2 and "there is no deployment 999999" in str(refused)
    else:
        raise AssertionError("an unknown deployment was not refused")
