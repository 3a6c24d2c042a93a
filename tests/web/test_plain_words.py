"""Plain words on every page a person reads: every page of the permission matrix that a demo
persona may open (HTML and PDF), and the emails the service sends, carry no file name, no
developer code, no "None" where a value belongs and no login name where a person's name
belongs."""

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from tests.web.test_permission_matrix import ROLES, build_world, expected_table

# Pages whose subject is a file or a code: the import history (a data officer's record of
# the files loaded), a policy version's pages (its definition is edited as JSON, and shown
# with its codes beside the words), the API and its documentation, and Django's admin.
TECHNICAL = re.compile(r"^/(imports/|api/|admin/|categorisation/policies/\d+/versions/\d+/)")
# Letter templates show their placeholders ({{ school_name }}) to those who write them.
PLACEHOLDER = re.compile(r"\{\{?\s*[a-z_]+\s*\}?\}|\$[a-z_]+")
FILE_NAME = re.compile(r"\b[\w-]+\.(?:csv|xlsx|parquet)\b", re.I)
SNAKE_CODE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
NONE_VALUE = re.compile(r"(?:^|[:>(\s])None(?:$|[\s<).,])")
LOGIN_NAMES = ("la.officer", "data.officer", "board.member", "dfe.viewer", "by admin")


class _Text(HTMLParser):
    """The text a person reads: no tags, attributes, scripts or styles."""

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def readable_text(response) -> str:
    kind = response.get("Content-Type", "")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if kind.startswith("application/pdf"):
        if not shutil.which("pdftotext"):
            pytest.skip("pdftotext (poppler-utils) is needed to read the PDFs")
        done = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True
        )
        return done.stdout.decode()
    if not kind.startswith("text/html"):
        return ""
    parser = _Text()
    parser.feed(content.decode())
    return " ".join(" ".join(parser.parts).split())


def problems_in(text: str) -> list[str]:
    found = [f"file name {m}" for m in FILE_NAME.findall(text)]
    words = PLACEHOLDER.sub(" ", FILE_NAME.sub(" ", text))
    found += [f"code {m}" for m in SNAKE_CODE.findall(words)]
    found += [
        f"None as a value ({text[max(m.start() - 40, 0) : m.end() + 10]!r})"
        for m in NONE_VALUE.finditer(text)
    ]
    found += [f"login name {name!r}" for name in LOGIN_NAMES if name in text]
    return found


def test_the_checks_catch_what_they_look_for():
    text = "Source: ks2_2023-24.csv. Rule coasting_2025 fired. Head: None. by la.officer"
    assert [problem.split(" (")[0] for problem in problems_in(text)] == [
        "file name ks2_2023-24.csv",
        "code coasting_2025",
        "None as a value",
        "login name 'la.officer'",
    ]
    assert problems_in("Category 2 (Good), by Olivia Hart on 1 May 2026. Not recorded") == []


@pytest.mark.once  # slow; scripts/test.sh runs it on PostgreSQL only
@pytest.mark.django_db
def test_no_page_pdf_or_email_shows_files_codes_none_or_login_names():
    world = build_world()
    table = expected_table(world)
    users = get_user_model().objects
    wrong = []
    for position, role in enumerate(ROLES[1:], start=1):
        client = Client()
        client.force_login(users.get(username=role))
        for _, url, expected in table:
            if expected.split()[position] != "ok" or TECHNICAL.match(url):
                continue
            response = client.get(url)
            wrong += [f"{role} {url}: {p}" for p in problems_in(readable_text(response))]
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        wrong += [f"email {message.subject!r}: {p}" for p in problems_in(text)]
    assert not wrong, "\n".join(sorted(set(wrong)))
