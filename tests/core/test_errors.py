"""One refusal hierarchy, answered the same way by every channel."""

import json
from pathlib import Path

import pytest
from django import forms
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from uplift.api.api import api
from uplift.core.errors import Conflict, Kind, NotAllowed, Refused, RuleRefused, StaleVersion
from uplift.core.web import REFUSED, attempt


@pytest.mark.parametrize(
    ("refusal", "kind", "status"),
    [
        (Refused("Enter the date"), Kind.INVALID, 422),
        (Conflict("There is already a group called Cluster A"), Kind.CONFLICT, 409),
        (StaleVersion(), Kind.CONFLICT, 409),
        (RuleRefused("one_open_case", "The school already has an open case"), Kind.CONFLICT, 409),
        (NotAllowed("You cannot change this"), Kind.FORBIDDEN, 403),
    ],
)
def test_each_kind_answers_one_status_on_the_api(refusal, kind, status):
    assert refusal.kind == kind
    request = RequestFactory().post("/api/v1/anything")
    response = api.on_exception(request, refusal)
    body = json.loads(response.content)
    assert response.status_code == status
    assert body["error"]["status"] == status
    assert body["error"]["message"] == str(refusal)
    assert body["error"]["details"][0]["type"] == refusal.code


def test_a_rule_refusal_carries_the_rule_code():
    refused = RuleRefused("stages_only_move_forward", "A case only moves forward")
    assert refused.code == refused.rule == "stages_only_move_forward"


class _Form(forms.Form):
    name = forms.CharField(required=False)


def _service(error):
    def service(**arguments):
        if error is not None:
            raise error
        return arguments

    return service


def test_a_page_shows_a_refusal_on_its_form():
    form = _Form({"name": "x"})
    assert form.is_valid()
    assert attempt(form, _service(Conflict("Someone else did it first"))) is REFUSED
    assert form.non_field_errors() == ["Someone else did it first"]


def test_a_page_answers_403_to_a_refusal_of_permission():
    form = _Form({"name": "x"})
    form.is_valid()
    with pytest.raises(PermissionDenied):
        attempt(form, _service(NotAllowed("No")))


def test_a_page_passes_a_result_through():
    form = _Form({"name": "x"})
    form.is_valid()
    assert attempt(form, _service(None), answer=42) == {"answer": 42}


def test_no_endpoint_handles_refusals_itself():
    """Endpoints let refusals rise to the one handler, so the same refusal answers the same
    status everywhere: no route module catches a refusal or picks a status for one."""
    routes = Path(__file__).resolve().parents[2] / "uplift" / "api"
    for module in routes.glob("*/routes.py"):
        text = module.read_text()
        for forbidden in (
            "except Refused",
            "except NotAllowed",
            "except Conflict",
            "HttpError(409",
        ):
            assert forbidden not in text, f"{module.parent.name}/routes.py: {forbidden}"
