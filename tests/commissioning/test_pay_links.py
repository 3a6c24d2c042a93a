"""The deployment and case pages link a finance officer to paying for the item from a fund,
or say which fund pays; other users see neither. Brokerage and casework import nothing of
commissioning: the link comes through uplift.core.payment_links."""

from django.test import Client
from django.urls import reverse

from tests.brokerage.world import bw_fixture  # noqa: F401
from tests.commissioning.test_spend import draw, money_fixture, officer, power  # noqa: F401


def page(user, url) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_deployment_page_links_to_paying_then_names_the_fund(bw, money):
    deployment = bw.agree()
    url = reverse("brokerage:deployment", args=(deployment.pk,))
    pay = reverse("commissioning:spend_draw", args=("deployment", deployment.pk))
    assert f'href="{pay}">Pay from a fund' in page(officer(bw), url)
    draw(bw, money, deployment, 1_200_000)
    shown = page(officer(bw), url)
    assert "Paid from Intervention budget 2026-27" in shown and pay not in shown
    assert "Pay from a fund" not in page(bw["amy"], url)


def test_the_case_page_links_each_power_to_paying(bw, money):
    used, paid = power(bw), power(bw)
    draw(bw, money, paid, 10_000)
    url = reverse("casework:case_detail", args=(bw.case.pk,))
    shown = page(officer(bw), url)
    assert reverse("commissioning:spend_draw", args=("power", used.pk)) in shown
    assert reverse("commissioning:spend_draw", args=("power", paid.pk)) not in shown
    assert "Paid from Intervention budget 2026-27" in shown
    bw.users["la.officer"].user_permissions.clear()
    assert "Pay from a fund" not in page(officer(bw), url)
