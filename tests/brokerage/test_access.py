"""Who sees which deployment, request and statement, as a matrix: officers their LA's, a head
their school's (received or given), a supporting leader those they work on, nobody else's."""

import pytest
from django.contrib.auth import get_user_model
from django.http import Http404
from django.test import Client

from tests.brokerage.world import bw_fixture  # noqa: F401
from uplift.brokerage import access, selectors

# Deployments to Ryde: by Amy (Ashwell, who signs in) and by Cara (Cotton), whose sign-in is
# "cara" with no other role.
MATRIX = {
    # user: (sees Amy's, sees Cara's, page status of Amy's, of Cara's)
    "la.officer": (True, True, 200, 200),
    "adviser": (True, True, 200, 200),
    "headteacher": (True, True, 200, 200),
    "chair": (True, True, 200, 200),
    "board.member": (True, True, 200, 200),
    "amy": (True, False, 200, 404),
    "cara": (False, True, 404, 200),
    "essex.officer": (False, False, 404, 404),
    "data.officer": (False, False, 404, 404),
    "dfe.viewer": (False, False, 404, 404),
}


@pytest.fixture
def deployed(bw):
    cara = get_user_model().objects.create_user(username="cara", first_name="Cara")
    bw.leaders["cara"].user = cara
    bw.leaders["cara"].save()
    bw.users["cara"] = cara
    return bw.agree(leader="amy"), bw.agree(leader="cara")


@pytest.mark.parametrize("username", sorted(MATRIX))
def test_deployment_matrix(bw, deployed, username):
    user = bw[username]
    amys, caras = deployed
    seen = set(access.visible_deployments(user).values_list("pk", flat=True))
    want_amy, want_cara, page_amy, page_cara = MATRIX[username]
    assert (amys.pk in seen, caras.pk in seen) == (want_amy, want_cara)
    client = Client()
    client.force_login(user)
    for deployment, status in ((amys, page_amy), (caras, page_cara)):
        assert client.get(f"/brokerage/deployments/{deployment.pk}/").status_code == status
        assert client.get(f"/api/v1/deployments/{deployment.pk}").status_code in (status, 401)


def test_a_leader_logs_only_their_own(bw, deployed):
    amys, caras = deployed
    assert access.can_log_session(bw["amy"], amys)
    assert not access.can_log_session(bw["amy"], caras)
    assert not access.can_log_session(bw["headteacher"], amys)
    assert access.can_comment(bw["headteacher"], amys)
    assert not access.can_comment(bw["chair"], amys) and not access.can_comment(bw["amy"], amys)


def test_statements(bw):
    assert selectors.credit_school(user=bw["amy"], urn=bw.schools["ashwell"].urn)
    with pytest.raises(Http404):
        selectors.credit_school(user=bw["amy"], urn=bw.ryde.urn)
    assert selectors.credit_school(user=bw["dfe.viewer"], urn=bw.ryde.urn) is None
