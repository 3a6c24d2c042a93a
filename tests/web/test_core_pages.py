"""The base layout, the health check and the error pages."""

import pytest
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse


@pytest.mark.django_db
def test_healthz_answers_ok_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_layout_has_the_govuk_furniture(officer_client):
    html = officer_client.get(reverse("schools:list")).content.decode()
    assert 'class="govuk-template govuk-template--rebranded"' in html
    assert '<a href="#main-content" class="govuk-skip-link"' in html
    assert 'id="main-content"' in html
    assert "govuk-phase-banner" in html and ">Beta<" in html
    assert '<script type="module" src="/static/uplift/init.js">' in html
    assert "<script>" not in html  # no inline script: a CSP will forbid it
    assert 'href="/accessibility/"' in html and 'href="/cookies/"' in html
    assert 'href="/imports/"' in html  # a data officer sees the Imports link
    assert 'href="/accounts/sign-out/"' in html


def test_govuk_assets_are_in_static_with_local_font_urls(settings):
    static = settings.BASE_DIR / "uplift" / "static"
    css = (static / "govuk" / "govuk-frontend.min.css").read_text()
    assert "url(/assets/" not in css
    for font in ("bold-b542beb274-v2.woff2", "light-94a07e06a1-v2.woff2"):
        assert f"url(assets/fonts/{font})" in css
        assert (static / "govuk" / "assets" / "fonts" / font).is_file()
    js = (static / "govuk" / "govuk-frontend.min.js").read_text()
    assert "export{" in js and "initAll" in js
    assert "govuk-frontend.min.js" in (static / "uplift" / "init.js").read_text()


@pytest.mark.django_db
def test_unknown_page_uses_the_govuk_404(client):
    with override_settings(DEBUG=False):
        response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "govuk-header" in response.content.decode()


def test_500_page_renders_without_a_request():
    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert "Sign out" not in html
