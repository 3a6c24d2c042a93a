"""The history pages render any key of any event in plain words, and never raise."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from uplift.audit.models import AuditEvent
from uplift.directory.history.selectors import describe
from uplift.schools.models import Establishment

pytestmark = pytest.mark.django_db

ODD_CHANGES = {
    "actions": [None, 2],  # a reverse relation of the object's model
    "phase": ["Primary", "Secondary"],  # a real field
    "no_such_field": [1, 2],
    "notes": "kept as a bare value",
    "counts": [1, 2, 3],  # a list that is not a before-and-after pair
    "details": [{"owner_name": "Olivia", "done": True}, {"due_on": "2026-02-31"}],
    "nested": {"a_b": [1, None], "when": "2026-10-05"},
    "flag": [False, True],
}


def event(changes, action="meeting.something_new") -> AuditEvent:
    return AuditEvent(
        occurred_at=timezone.now(),
        actor_label="system",
        via="system",
        action=action,
        content_type=ContentType.objects.get_for_model(Establishment),
        object_id="1",
        object_repr="A school",
        changes=changes,
    )


def test_every_kind_of_key_and_value_renders_in_plain_words():
    (view,) = describe([event(ODD_CHANGES)])
    assert view.action == "Meeting something new"
    shown = {change.field: (change.before, change.after) for change in view.changes}
    assert shown["Actions"] == ("", "2")
    assert shown["No such field"] == ("1", "2")
    assert shown["Notes"] == ("", "kept as a bare value")
    assert shown["Counts"] == ("", "1, 2, 3")
    assert shown["Details"] == ("Owner name: Olivia; Done: Yes", "Due on: 2026-02-31")
    assert shown["Nested"] == ("", "A b: 1; When: 5 October 2026")
    assert shown["Flag"] == ("No", "Yes")


@pytest.mark.parametrize("changes", [{}, [], "text", None, {"x": None}, {"y": [[1, 2], {}]}])
def test_changes_of_any_shape_never_raise(changes):
    (view,) = describe([event(changes)])
    assert all(isinstance(c.field, str) and isinstance(c.after, str) for c in view.changes)


def test_a_known_action_keeps_its_label():
    (view,) = describe([event({}, action="group.created")])
    assert view.action == "Group created"
