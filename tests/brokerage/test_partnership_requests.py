"""A partnership deploying its system leaders: a request it brokers for one of its schools
proposes only leaders of its member schools."""

from datetime import date

import pytest

from tests.brokerage.world import bw_fixture  # noqa: F401
from uplift.audit.models import Via
from uplift.brokerage.matching import broker
from uplift.core.errors import Refused
from uplift.partnerships import services as partnerships
from uplift.partnerships.models import Kind, MemberKind


@pytest.fixture
def consortium(bw):
    change = {"actor": bw.officer, "via": Via.WEB}
    partnership = partnerships.create_partnership(
        la=bw.herts, kind=Kind.CONSORTIUM, name="Stevenage Consortium", **change
    )
    partnerships.take_responsibility(
        partnership=partnership,
        establishments=[bw.ryde],
        starts_on=date(2025, 9, 1),
        reason="Its school",
        **change,
    )
    partnerships.add_member(
        partnership=partnership,
        kind=MemberKind.SCHOOL,
        establishment=bw.schools["ashwell"],
        joined_on=date(2025, 9, 1),
        **change,
    )
    return partnership


def _leaders(request):
    return {proposal.leader.name for proposal in broker(request=request).proposals}


def test_a_partnerships_request_proposes_only_its_members_leaders(bw, consortium):
    everyone = _leaders(bw.request())
    assert {"Amy Ashwell", "Cara Cotton"} <= everyone
    request = bw.request(partnership=consortium)
    assert request.partnership == consortium
    assert _leaders(request) == {"Amy Ashwell"}


def test_a_partnership_brokers_only_for_its_own_schools(bw, consortium):
    with pytest.raises(Refused, match="not responsible for Ashwell Primary"):
        bw.request(
            partnership=consortium,
            establishment=bw.schools["ashwell"],
            raised_from="officer",
            case=None,
        )
