"""Fixtures of the letter and monitoring board tests (import them by name): two LAs, the
demo personas tied to Hertfordshire's school 117001, an open case of each school."""

import shutil
import subprocess
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from uplift.accounts.models import Profile, Role
from uplift.casework.models import ConcernCase, WarningNotice
from uplift.demo.personas import ensure_personas
from uplift.schools.models import Establishment, GroupKind, LocalAuthority, SchoolGroup

__all__ = ["fast_passwords", "world", "users", "case", "other_case", "pdf_text", "make_case"]


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db):
    herts = LocalAuthority.objects.create(code="919", name="Hertfordshire")
    essex = LocalAuthority.objects.create(code="881", name="Essex")

    def school(urn, la, name):
        return Establishment.objects.create(
            urn=urn, la=la, name=name, laestab=f"{la.code}{urn % 10000:04d}", status="Open"
        )

    schools = {
        "ours": school(117001, herts, "Abbots Langley Primary"),
        "neighbour": school(117002, herts, "Bishop's Stortford High"),
        "theirs": school(881001, essex, "Colchester Primary"),
    }
    group = SchoolGroup.objects.create(kind=GroupKind.PARTNERSHIP, name="North Herts", la=herts)
    return {"herts": herts, "essex": essex, "group": group, **schools}


@pytest.fixture
def users(world):
    found = ensure_personas(
        la=world["herts"],
        establishment=world["ours"],
        group=world["group"],
        adviser_schools=[world["ours"]],
        password="pw",
    )
    make = get_user_model().objects.create_user
    found["essex.officer"] = make("essex.officer", email="eo@essex.invalid")
    Profile.objects.create(user=found["essex.officer"], role=Role.LA_OFFICER, la=world["essex"])
    found["other.head"] = make("other.head", first_name="Nia", last_name="Next")
    Profile.objects.create(
        user=found["other.head"], role=Role.HEADTEACHER, establishment=world["neighbour"]
    )
    return found


def make_case(school, *, reason="Results fell sharply and governance is weak", **values):
    today = timezone.localdate()
    defaults = {
        "opened_on": today,
        "opened_by": "officer",
        "opening_reason": reason,
        "stage": "concern_raised",
        "stage_changed_on": today,
        "recorded_at": timezone.now(),
    }
    return ConcernCase.objects.create(establishment=school, **{**defaults, **values})


@pytest.fixture
def case(world, users):
    return make_case(world["ours"], action_plan_due_on=date(2026, 12, 4))


@pytest.fixture
def other_case(world, users):
    return make_case(world["theirs"])


def notice(case, **values):
    defaults = {
        "grounds": ["standards", "management"],
        "issued_on": date(2026, 5, 21),
        "compliance_working_days": 15,
        "compliance_deadline": date(2026, 6, 12),
        "powers_window_ends": date(2026, 8, 12),
        "recorded_at": timezone.now(),
    }
    return WarningNotice.objects.create(case=case, **{**defaults, **values})


def pdf_text(content: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian's poppler-utils) is not installed")
    path = tmp_path / "letter.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
