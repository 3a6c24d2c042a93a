"""Browser tests: Debian's chromium, driven by Playwright, against a live Uplift server.

The data is built once for the whole package through the real importers, from a few of the
small real files in demo_data/, with the demo's own persona seeding. pytest-django's
`live_server` fixture makes every test that uses it transactional, flushing the database
after each test; so the package starts pytest-django's LiveServer itself, over data that it
commits once and flushes once at the end. The tests carry `django_db` (see BROWSER_TEST):
each runs in a transaction that is rolled back, so what one test writes through the server
(sessions, sign-in records) does not reach the next where the server shares the test's
connection (in-memory SQLite); on PostgreSQL the server has its own connection.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from pytest_django.live_server_helper import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
HERTS = "919"
# Each module's pytestmark. `once`: scripts/test.sh runs them on PostgreSQL only; one
# xdist group, so that one worker (--dist loadgroup) builds the site and starts chromium.
BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.once,
    pytest.mark.xdist_group("browser"),
    pytest.mark.django_db,
]

# Hertfordshire's 2023-24 and 2018-19 tables (names, phases, pupils, results, the Ofsted
# grades scraped into the 2018-19 tables), Hampshire and Surrey from GIAS (other LAs) and
# the Ofsted MI examples (report card inspections).
BROWSER_DEMO_FILES = {
    "gias_establishments_extract_20220420_hampshire_surrey.csv",
    "dfe_performance_tables_2023-24_census_hertfordshire_919.csv",
    "dfe_performance_tables_2023-24_ks2final_hertfordshire_919.csv",
    "dfe_performance_tables_2023-24_ks4final_hertfordshire_919.csv",
    "dfe_performance_tables_2018-19_ks2_subset_with_ofsted_scrape_hertfordshire_919.csv",
    "dfe_performance_tables_2018-19_ks4_subset_with_ofsted_scrape_hertfordshire_919.csv",
    "ofsted_mi_state_funded_latest_2026-05_report_card_examples.csv",
}


@dataclass(frozen=True)
class Scope:
    """What a persona should see, worked out from the data rather than from the scoping code."""

    urns: frozenset[int]
    primary_urns: frozenset[int]
    outside_urn: int | None  # a school that exists but is not theirs


@dataclass(frozen=True)
class Site:
    url: str
    scopes: dict[str, Scope]  # by persona username
    school_urn: int  # the headteacher's school, which every persona may open
    school_pk: int
    group_pk: int  # the demo partnership
    import_run_pk: int
    case_pk: int | None = None  # a concern case opened by the demo's published round
    flagged_urn: int | None = None  # a school the early warning flags (tests/earlywarning)


@pytest.fixture(scope="package", autouse=True)
def _needs_chromium():
    if not CHROMIUM.is_file():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)")


@pytest.fixture(scope="package")
def site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        try:
            run_pk = _load_demo_data()
            scopes, school, group_pk = _expected_scopes()
            flagged_urn = _score_for_early_warning(leave_out=school)
            server = LiveServer("localhost")
            server._live_server_modified_settings.enable()
            try:
                yield Site(
                    server.url,
                    scopes,
                    school.urn,
                    school.pk,
                    group_pk,
                    run_pk,
                    _a_case_pk(),
                    flagged_urn,
                )
            finally:
                server._live_server_modified_settings.disable()
                server.stop()
        finally:  # the other tests expect an empty database
            call_command("flush", interactive=False, verbosity=0)


def _load_demo_data() -> int:
    from uplift.demo.casework import seed_casework
    from uplift.demo.data_files import DEMO_FILES
    from uplift.demo.funds import seed_money
    from uplift.demo.personas_seed import seed_personas
    from uplift.imports.models import RunStatus
    from uplift.imports.services import run_import
    from uplift.schools.models import LocalAuthority

    runs = [
        run_import(
            importer_name=demo_file.importer,
            path=demo_file.path,
            options=dict(demo_file.options),
            actor="demo",
            via="demo",
        )
        for demo_file in DEMO_FILES
        if demo_file.file_name in BROWSER_DEMO_FILES
    ]
    assert [run.status for run in runs] == [RunStatus.APPLIED] * len(BROWSER_DEMO_FILES)
    seed_personas()
    # The demo's casework: the LA's summer 2024 and autumn 2026 rounds published (opening the
    # concern cases of their category 3b and 4 schools) and its default letter and note-of-visit
    # templates.
    seed_casework(la=LocalAuthority.objects.get(code=HERTS))
    seed_money(la=LocalAuthority.objects.get(code=HERTS))  # sample funds, grants, traded
    return runs[-1].pk


def _score_for_early_warning(*, leave_out) -> int:
    """An early-warning run for Hertfordshire made directly (the model is tested on its own):
    three open primary schools scored, the riskiest flagged. The flagged school's URN."""
    from tests.earlywarning.factories import make_assessment, make_run
    from uplift.schools.models import Establishment, LocalAuthority
    from uplift.schools.selectors import is_open

    herts = LocalAuthority.objects.get(code=HERTS)
    schools = list(
        Establishment.objects.filter(is_open(), la=herts, phase_group="primary")
        .exclude(pk=leave_out.pk)
        .order_by("urn")[:3]
    )
    run = make_run(la=herts, scored=len(schools))
    for rank, school in enumerate(schools, start=1):
        make_assessment(run, school, risk=0.6 / rank, rank=rank, flagged=rank == 1)
    return schools[0].urn


def _a_case_pk() -> int | None:
    from uplift.casework.models import ConcernCase

    return ConcernCase.objects.order_by("pk").values_list("pk", flat=True).first()


def _expected_scopes():
    from django.db.models import Q
    from django.utils import timezone

    from uplift.accounts.models import Profile
    from uplift.demo.personas import PERSONAS
    from uplift.schools.models import Establishment, GroupMembership, PhaseGroup

    today = timezone.localdate()
    everyone = Establishment.objects.all()
    headteacher = Profile.objects.get(user__username="headteacher")
    board = Profile.objects.get(user__username="board.member")
    partnership = GroupMembership.objects.filter(
        Q(left_on__isnull=True) | Q(left_on__gte=today), group=board.group, joined_on__lte=today
    ).values("establishment")
    by_scope = {
        "": everyone,
        "la": everyone.filter(la__code=HERTS),
        "establishment": everyone.filter(pk=headteacher.establishment_id),
        "group": everyone.filter(pk__in=partnership),
    }
    scopes = {}
    for persona in PERSONAS:
        schools = by_scope[persona.scope]
        outside = everyone.exclude(pk__in=schools.values("pk")).order_by("urn").first()
        scopes[persona.username] = Scope(
            urns=frozenset(schools.values_list("urn", flat=True)),
            primary_urns=frozenset(
                schools.filter(phase_group=PhaseGroup.PRIMARY).values_list("urn", flat=True)
            ),
            outside_urn=outside.urn if outside else None,
        )
    return scopes, headteacher.establishment, board.group_id


@pytest.fixture(scope="package")
def chromium(site):
    """Playwright's sync API keeps an asyncio loop running in this thread, which makes Django
    refuse any ORM call here (each test's transaction, for one) as if from async code. Nothing
    async calls the ORM in these tests, so Django's guard is lifted while the browser runs."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # With the loop running, Django keeps this thread's connections apart from the ones
        # it had before: close them while they are still reachable.
        connections.close_all()


@pytest.fixture
def new_page(chromium, site):
    """A page in a fresh browser context (its own cookies); JavaScript on unless told."""
    contexts = []

    def make(*, javascript: bool = True):
        context = chromium.new_context(base_url=site.url, java_script_enabled=javascript)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
