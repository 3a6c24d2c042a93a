import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.urls import reverse

from uplift.accounts.models import Role
from uplift.profiles import batches, services
from uplift.profiles.models import BatchStatus, ProfileDocument, ProfileDownload
from uplift.profiles.render import profile_document_html, profile_pdf
from uplift.profiles.selectors import build_profile
from uplift.schools.models import Establishment

pytestmark = pytest.mark.django_db


def school(urn=100001):
    return Establishment.objects.get(urn=urn)


def pdf_text(content: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian's poppler-utils) is not installed")
    path = tmp_path / "profile.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_profile_html_has_every_section(round_):
    profile = build_profile(round_=round_, establishment=school())
    html = profile_document_html(profile)
    assert '<html lang="en-GB">' in html
    assert f"<title>{profile.title}</title>" in html
    for heading in ("Category 2 (Good)", "Inspection summary", "Performance", "Support"):
        assert heading in html
    assert "Quality of education" in html  # the per-area grade on the framework
    assert "67%" in html  # the school's 2023-24 value
    assert ">52<" in html  # the neighbours' (Essex's) 2022-23 value
    assert 'scope="col"' in html and 'scope="row"' in html
    # The Peterborough preset's offer to groups 1 and 2 (seed 003), not a placeholder
    assert "governor training" in html and "does not set out a support offer" not in html
    assert profile.rationale and profile.rationale[0].evidence


def test_pdf_is_a_tagged_pdf_with_the_content(round_, tmp_path):
    profile = build_profile(round_=round_, establishment=school())
    content = profile_pdf(profile)
    assert content.startswith(b"%PDF")
    text = pdf_text(content, tmp_path)
    assert "Walkern Primary School" in text
    assert "Category 2 (Good)" in text
    assert "67%" in text
    from weasyprint import HTML

    raw = HTML(string=profile_document_html(profile)).write_pdf(
        pdf_variant="pdf/ua-1", uncompressed_pdf=True
    )
    assert b"/StructTreeRoot" in raw and b"/MarkInfo" in raw


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()) or ():
        yield from _boxes(child)


def test_every_table_of_the_pdf_fits_the_page_width(round_):
    """WeasyPrint's layout: no table cell reaches past the page's content area, however long
    the sources and evidence in it."""
    from weasyprint import HTML

    profile = build_profile(round_=round_, establishment=school())
    html = profile_document_html(profile).replace(
        "</body>",
        "<table><tr><td>" + "averyveryverylongwordwithoutbreaks" * 8 + "</td></tr></table></body>",
    )
    document = HTML(string=html).render()
    overflowing = []
    for number, page in enumerate(document.pages, start=1):
        root = page._page_box
        right = root.content_box_x() + root.width + 0.5
        for box in _boxes(root):
            if type(box).__name__ in ("TableCellBox", "TableBox", "TableRowBox"):
                if box.position_x + box.margin_width() > right:
                    overflowing.append(
                        (number, type(box).__name__, box.position_x + box.margin_width(), right)
                    )
    assert not overflowing


ALLOWED, HIDDEN = 200, 404


@pytest.mark.parametrize(
    "role, own_la, own_school, published, expected",
    [
        (Role.LA_OFFICER, True, False, False, ALLOWED),
        (Role.LA_OFFICER, False, False, True, HIDDEN),
        (Role.SYSTEM_ADMIN, False, False, False, ALLOWED),
        (Role.HEADTEACHER, False, True, True, ALLOWED),
        (Role.CHAIR_OF_GOVERNORS, False, True, True, ALLOWED),
        (Role.HEADTEACHER, False, True, False, HIDDEN),
        (Role.HEADTEACHER, False, False, True, HIDDEN),
        (Role.ADVISER, True, False, True, HIDDEN),
        (Role.DATA_OFFICER, True, False, True, HIDDEN),
        (None, False, False, True, HIDDEN),
    ],
)
def test_access(
    client, round_, publish, users, herts, essex, role, own_la, own_school, published, expected
):
    if published:
        publish()
    scope = {}
    if role in (Role.LA_OFFICER, Role.ADVISER, Role.DATA_OFFICER):
        scope["la"] = herts if own_la else essex
    if role in (Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS):
        scope["establishment"] = school(100001 if own_school else 100002)
    client.force_login(users("someone", role, **scope))
    args = ["919", "2026-autumn", 100001]
    assert client.get(reverse("profiles:profile", args=args)).status_code == expected
    assert client.get(reverse("profiles:pdf", args=args)).status_code == expected
    officer = (role == Role.LA_OFFICER and own_la) or role == Role.SYSTEM_ADMIN
    round_page = client.get(reverse("profiles:round", args=args[:2]))
    assert round_page.status_code == (ALLOWED if officer else HIDDEN)


def test_downloads_are_logged_and_shown_to_officers(client, round_, publish, users, herts):
    publish()
    client.force_login(users("head", Role.HEADTEACHER, establishment=school()))
    response = client.get(reverse("profiles:pdf", args=["919", "2026-autumn", 100001]))
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.get(reverse("profiles:profile", args=["919", "2026-autumn", 100001]))
    log = list(ProfileDownload.objects.order_by("id").values_list("username", "format"))
    assert log == [("head", "pdf"), ("head", "html")]
    assert ProfileDocument.objects.get().establishment == school()
    client.force_login(users("officer", Role.LA_OFFICER, la=herts))
    page = client.get(reverse("profiles:downloads", args=["919", "2026-autumn"]))
    assert b"head" in page.content and b"Walkern Primary School" in page.content


def test_batch_generates_every_profile_and_counts_progress(client, round_, users, herts):
    client.force_login(users("officer", Role.LA_OFFICER, la=herts))
    response = client.post(reverse("profiles:start_batch", args=["919", "2026-autumn"]))
    assert response.status_code == 302
    page = client.get(response.url)
    batch = page.context["batch"]
    assert (batch.status, batch.total, batch.done, batch.failed) == (BatchStatus.FINISHED, 2, 2, 0)
    assert b'http-equiv="refresh"' not in page.content
    assert ProfileDocument.objects.count() == 2
    assert all(len(d.sha256) == 64 and d.file.size > 1000 for d in ProfileDocument.objects.all())


def test_batch_counts_a_failure(round_, monkeypatch):
    real = services.profile_pdf

    def fail_for_ashwell(profile):
        if profile.school.urn == 100002:
            raise RuntimeError("boom")
        return real(profile)

    monkeypatch.setattr(services, "profile_pdf", fail_for_ashwell)
    batch = batches.start_batch(actor=None, via="cli", round_=round_)
    assert (batch.status, batch.done, batch.failed) == (BatchStatus.FAILED, 1, 1)
    assert batch.failures[0]["urn"] == 100002


def test_running_batch_page_refreshes(client, round_, users, herts):
    from django.utils import timezone

    from uplift.profiles.models import ProfileBatch

    batch = ProfileBatch.objects.create(round=round_, total=2, created_at=timezone.now())
    client.force_login(users("officer", Role.LA_OFFICER, la=herts))
    page = client.get(reverse("profiles:batch", args=[batch.pk]))
    assert b'<meta http-equiv="refresh" content="5">' in page.content


def test_round_page_queries_do_not_grow(
    client, round_, users, herts, make_school, django_assert_max_num_queries
):
    client.force_login(users("officer", Role.LA_OFFICER, la=herts))
    url = reverse("profiles:round", args=["919", "2026-autumn"])
    with django_assert_max_num_queries(12):
        client.get(url)
    from django.utils import timezone

    from uplift.categorisation.models import SchoolCategorisation

    for urn in range(100010, 100016):
        SchoolCategorisation.objects.create(
            round=round_,
            establishment=make_school(urn),
            proposed_category="2",
            proposed_at=timezone.now(),
        )
    with django_assert_max_num_queries(12):
        assert client.get(url).content.count(b"/pdf/") == 8


def test_cli_writes_one_pdf_per_school(round_, tmp_path):
    call_command(
        "profiles", "--la", "919", "--round", "2026-autumn", "--out", str(tmp_path / "out")
    )
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["100001_walkern-primary-school.pdf", "100002_ashwell-primary-school.pdf"]
    assert (tmp_path / "out" / files[0]).read_bytes().startswith(b"%PDF")


def test_a_profile_whose_file_is_missing_is_generated_again(client, round_, publish, users):
    """Regression: a database restored without its media folder answered 500."""
    publish()
    document = services.generate_document(round_=round_, establishment=school())
    document.file.storage.delete(document.file.name)
    client.force_login(users("head", Role.HEADTEACHER, establishment=school()))
    response = client.get(reverse("profiles:pdf", args=["919", "2026-autumn", 100001]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    document = ProfileDocument.objects.get()
    assert services.has_file(document) and document.file.size > 1000
