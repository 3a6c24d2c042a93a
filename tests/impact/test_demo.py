"""The demo's completed sample support, on demo-like data: its impact page shows before and
after for the chosen measures and the comparison group's change, with the matched schools."""

import html

from django.contrib.auth.models import Permission
from django.test import Client

from tests.impact.world import build_impact_world
from uplift.brokerage.models import Deployment
from uplift.commissioning.models import Commission
from uplift.demo.impact import DETAILS, seed_impact
from uplift.impact.models import Finding


def test_demo_completes_sample_support_with_impact_pages(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = build_impact_world(similar=12)
    world.deployment.leader.__class__.objects.filter(pk=world.deployment.leader_id).update(
        is_sample=True
    )
    said = seed_impact(la=world.bw.herts)
    assert "completed sample deployment" in said
    assert seed_impact(la=world.bw.herts) == "sample completed support already there"
    deployment = Deployment.objects.get(request__details=DETAILS)
    commission = Commission.objects.get(title__startswith="Reading programme")
    assert deployment.status == "completed" and commission.is_sample
    assert Finding.objects.filter(kind="deployment", piece_id=deployment.pk, enough=True).exists()

    world.bw.officer.user_permissions.add(Permission.objects.get(codename="manage_finance"))
    client = Client()
    client.force_login(world.bw.officer)
    page = html.unescape(client.get(f"/impact/deployment/{deployment.pk}/").content.decode())
    assert "Sample" in page
    assert "Before: 2018-19; after: 2023-24." in page
    assert "matched schools" in page and "Similar schools" in page
    commission_page = client.get(f"/commissioning/commissions/{commission.pk}/")
    assert f"/impact/commission/{commission.pk}/" in commission_page.content.decode()
    page = html.unescape(client.get(f"/impact/commission/{commission.pk}/").content.decode())
    assert "Each school supported" in page
