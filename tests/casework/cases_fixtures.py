"""Fixtures of the case tests: two LAs, maintained schools and an academy, an officer of each
LA, an adviser, and a helper that walks a case to a stage through the services. Import the
fixtures a module uses by name."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from uplift.accounts.models import Profile, Role
from uplift.audit.models import Via
from uplift.casework.cases import services as cases_services
from uplift.casework.models import Compliance, Ground, Letter, LetterKind
from uplift.casework.notices import services as notices_services
from uplift.casework.powers import services as powers_services
from uplift.schools.models import Establishment, LocalAuthority

# A Friday just before England's spring bank holiday (Monday 25 May 2026).
BEFORE_BANK_HOLIDAY = date(2026, 5, 22)


@pytest.fixture(name="las")
def las_fixture(db):
    return {
        "herts": LocalAuthority.objects.create(code="919", name="Hertfordshire"),
        "essex": LocalAuthority.objects.create(code="881", name="Essex"),
    }


def _school(urn, la, name, type_name="Community school", type_group=""):
    return Establishment.objects.create(
        urn=urn,
        la=la,
        name=name,
        laestab=f"{la.code}{urn % 10000:04d}",
        status="Open",
        type_name=type_name,
        type_group=type_group or "Local authority maintained schools",
    )


@pytest.fixture(name="schools")
def schools_fixture(las):
    herts, essex = las["herts"], las["essex"]
    return {
        "maintained": _school(117001, herts, "Abbots Langley Primary"),
        "other": _school(117002, herts, "Bishop's Stortford Primary"),
        "academy": _school(117003, herts, "Croxley Academy", "Academy converter", "Academies"),
        "essex": _school(881001, essex, "Colchester Primary"),
    }


def _user(username, role=None, **scope):
    user = get_user_model().objects.create_user(username=username, password="pw-for-tests")
    if role:
        profile = Profile.objects.create(
            user=user, role=role, **{k: v for k, v in scope.items() if k != "assigned"}
        )
        if "assigned" in scope:
            profile.assigned_establishments.set(scope["assigned"])
    return user


@pytest.fixture(name="users")
def users_fixture(las, schools, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return {
        "officer": _user("officer", Role.LA_OFFICER, la=las["herts"]),
        "essex_officer": _user("essex.officer", Role.LA_OFFICER, la=las["essex"]),
        "adviser": _user(
            "adviser", Role.ADVISER, la=las["herts"], assigned=[schools["maintained"]]
        ),
        "admin": _user("sysadmin", Role.SYSTEM_ADMIN),
        "head": _user("head", Role.HEADTEACHER, establishment=schools["maintained"]),
        "data": _user("data", Role.DATA_OFFICER, la=las["herts"]),
    }


def send_concern_letter(case, sent_on=date(2026, 3, 2)):
    """A sent letter of concern (the letters helper generates real ones)."""
    return Letter.objects.create(
        case=case,
        kind=LetterKind.CONCERN,
        addressed_to="The headteacher and the chair of governors",
        subject="Letter of concern",
        body="We are concerned.",
        pdf=b"%PDF-1.4",
        generated_at="2026-03-01T10:00:00Z",
        sent_on=sent_on,
        sent_method="email",
    )


@pytest.fixture(name="walk")
def walk_fixture(users):
    """walk(case, to) takes the case through the services, as the officer, up to `to`:
    "letter", "pre_warning", "notice", "ready" (notice expired, not complied, copied to DfE,
    notice of intention), "eligible" or "powers" (steps already taken are skipped)."""
    officer = users["officer"]
    change = {"actor": officer, "via": Via.WEB}
    order = ["letter", "pre_warning", "notice", "ready", "eligible", "powers"]

    def walk(case, to):
        steps = order[: order.index(to) + 1]
        if "letter" in steps and case.stage == "concern_raised":
            send_concern_letter(case)
            case = cases_services.move_case(
                case=case,
                to_stage="letter_of_concern",
                on=date(2026, 3, 2),
                reason="Letter sent",
                version=case.version,
                **change,
            )
        if "pre_warning" in steps and case.stage in ("concern_raised", "letter_of_concern"):
            case = cases_services.move_case(
                case=case,
                to_stage="pre_warning",
                on=date(2026, 3, 16),
                reason="Action plan requested",
                version=case.version,
                action_plan_due_on=date(2026, 4, 17),
                **change,
            )
        if "notice" in steps:
            notice = notices_services.issue_warning_notice(
                case=case,
                grounds=[Ground.STANDARDS],
                issued_on=BEFORE_BANK_HOLIDAY,
                **change,
            )
            case.refresh_from_db()
        if "ready" in steps:
            notices_services.record_dfe_copy(notice=notice, copied_on=date(2026, 5, 26), **change)
            notices_services.decide_compliance(
                notice=notice,
                compliance=Compliance.NOT_COMPLIED,
                decided_on=date(2026, 6, 16),
                notes="No improvement plan received",
                **change,
            )
            case = notices_services.record_notice_of_intention(
                case=case, given_on=date(2026, 6, 17), reason="Letter to the chair", **change
            )
        if "eligible" in steps:
            case = cases_services.move_case(
                case=case,
                to_stage="eligible",
                on=date(2026, 6, 24),
                reason="Notice not complied with",
                version=case.version,
                **change,
            )
        if "powers" in steps:
            powers_services.use_power(
                case=case,
                power="s64",
                used_on=date(2026, 7, 1),
                details="Two additional governors appointed",
                **change,
            )
            case.refresh_from_db()
        return case

    return walk


@pytest.fixture(name="open_case")
def open_case_fixture(users, schools):
    def make(school=None, opened_on=date(2026, 3, 1), actor=None):
        return cases_services.open_case(
            actor=actor or users["officer"],
            via=Via.WEB,
            establishment=school or schools["maintained"],
            opened_on=opened_on,
            reason="Category 4 at the autumn round",
        )

    return make


def moderated_round(*, la, officer, categories: dict):
    """A Peterborough-style round of `la` the board has agreed, ready to publish, with each
    school's proposed category ({establishment: code})."""
    from uplift.categorisation.models import Round, RoundStatus, SchoolCategorisation
    from uplift.categorisation.services import activate_version, create_policy_from_preset

    change = {"actor": officer, "via": Via.WEB, "reason": "test"}
    version = create_policy_from_preset(
        la=la, preset="peterborough_2013", name="Peterborough", **change
    )
    round_ = Round.objects.create(
        la=la,
        code="2026-autumn",
        term="autumn",
        as_at=date(2026, 9, 1),
        policy_version=activate_version(version=version, **change),
        status=RoundStatus.MODERATED,
        created_at="2026-09-01T10:00:00Z",
        updated_at="2026-09-01T10:00:00Z",
    )
    SchoolCategorisation.objects.bulk_create(
        SchoolCategorisation(
            round=round_,
            establishment=school,
            proposed_category=code,
            proposed_at="2026-09-01T10:00:00Z",
        )
        for school, code in categories.items()
    )
    return round_
