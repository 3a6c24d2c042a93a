"""`uplift categorise`: counts per category, a preset for a first run, and --what-if."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.categorisation.builders import base_definition
from uplift.audit.models import AuditEvent, Via
from uplift.categorisation import services
from uplift.categorisation.models import PolicyVersion, Round, SchoolCategorisation


def run(*args) -> str:
    out = StringIO()
    call_command("categorise", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def schools(herts, make_school, inspect):
    for urn, grade in [(1, 1), (2, 2), (3, 2), (4, None)]:
        school = make_school(urn, herts)
        if grade:
            inspect(school, date(2021, 1, 1), grade=grade)


def test_a_first_run_needs_a_policy_and_says_how(herts, schools):
    with pytest.raises(CommandError) as refused:
        run("--la", "919", "--round", "2026-autumn")
    assert refused.value.returncode == 2
    assert "Hertfordshire has no active categorisation policy" in str(refused.value)
    assert "--preset (peterborough_2013, risk_a_to_d, two_dimension)" in str(refused.value)


def test_the_counts_per_category(herts, schools):
    output = run("--la", "919", "--round", "2026-autumn", "--preset", "peterborough_2013")
    lines = output.splitlines()
    assert lines[0] == (
        "Created the policy Peterborough 2013, updated for report cards from the preset "
        "peterborough_2013"
    )
    assert lines[1].startswith("Hertfordshire (919), round 2026-autumn as at 2026-09-01")
    counts = {line[:39].strip(): line[39:].strip() for line in lines[3:9]}
    assert counts == {
        "Category 1 (Outstanding)": "1",
        "Category 2 (Good)": "2",
        "Category 3a (Requires improvement +)": "0",
        "Category 3b (Requires improvement -)": "0",
        "Category 4 (Inadequate)": "0",
        "Not enough evidence: an officer decides": "1",  # no inspection and no data
    }
    assert lines[9].split() == ["total", "4"]
    assert SchoolCategorisation.objects.count() == 4
    assert AuditEvent.objects.get(action="categorisation.round_proposed").via == Via.CLI
    again = run(
        "--la",
        "919",
        "--round",
        "2026-autumn",
        "--policy",
        "peterborough 2013, updated for report cards",
    )
    assert again.splitlines()[-1].startswith("Proposals: 0 added, 0 updated, 4 unchanged")


def test_what_if_lists_the_changes_and_saves_nothing(herts, schools, active_policy):
    run("--la", "919", "--round", "2026-autumn")
    stricter = base_definition()
    stricter["rules"]["anchor"]["overall_grade"]["2"] = "C"
    draft_start = services.copy_policy(
        actor=None, via=Via.CLI, version=active_policy, name="Stricter", reason="trial"
    )
    services.save_draft(
        actor=None,
        via=Via.CLI,
        based_on=draft_start,
        definition=stricter,
        change_note="good is not enough",
    )
    versions, rows = PolicyVersion.objects.count(), list(SchoolCategorisation.objects.values())
    output = run("--la", "919", "--round", "2026-autumn", "--what-if", "--policy", "Stricter")
    assert output.splitlines()[0].startswith(
        "What if Stricter version 2 (draft) replaced Peterborough v1 (active) in round "
        "2026-autumn: 3 schools would change category (nothing saved)"
    )
    assert "2  School 2: Category 2 (Good) -> C" in output
    assert "judged overall effectiveness Good (2), which this policy places in C." in output
    assert PolicyVersion.objects.count() == versions
    assert list(SchoolCategorisation.objects.values()) == rows


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--la", "999", "--round", "2026-autumn"], "no local authority with code '999'"),
        (["--la", "919", "--round", "autumn"], "'autumn' is not a round code"),
        (["--la", "919", "--round", "2026-autumn", "--what-if"], "--what-if needs --policy"),
        (
            ["--la", "919", "--round", "2027-spring", "--what-if", "--policy", "Peterborough"],
            "Hertfordshire has no round 2027-spring yet",
        ),
        (
            ["--la", "919", "--round", "2026-autumn", "--policy", "Nope"],
            "no active policy called 'Nope'",
        ),
    ],
)
def test_usage_errors_exit_2(herts, active_policy, args, message):
    with pytest.raises(CommandError) as refused:
        run(*args)
    assert refused.value.returncode == 2
    assert message in str(refused.value)
    assert not Round.objects.exists()
