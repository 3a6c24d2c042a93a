"""`uplift feedback-rollup --la 919`: the LA's roll-ups as CSV; an unknown LA is a usage
error."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from tests.funds.world import money_world_fixture  # noqa: F401
from uplift.audit.models import Via
from uplift.feedback import services


def test_the_rollup_is_printed_as_csv(mw, capsys):
    for school, id_ in ((mw.primary, 1), (mw.essex_school, 2)):
        survey = services.request_feedback(
            actor=None,
            via=Via.CLI,
            subject=services.Subject(
                "traded", id_, "a session", "Herts", "Governor services", timezone.localdate()
            ),
            establishment=school,
        )
        keys = [q["key"] for q in survey.questions]
        services.answer_survey(
            actor=None, via=Via.WEB, survey=survey, ratings=dict.fromkeys(keys, 4), by_link=True
        )
    call_command("feedback-rollup", "--la", "919")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Grouped by,Name,Surveys sent")
    assert lines[1:] == ["Provider,Herts,1,1,1,4.0,100", "Service,Governor services,1,1,1,4.0,100"]
    with pytest.raises(CommandError, match="no LA with the code 999"):
        call_command("feedback-rollup", "--la", "999")
