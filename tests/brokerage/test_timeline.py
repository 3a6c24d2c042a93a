"""Deployments on both schools' timelines, in the same number of queries however many."""

from tests.brokerage.world import SESSION_DAYS, bw_fixture  # noqa: F401
from uplift.workload.timeline import school_timeline


def test_timeline_queries_do_not_grow(bw, django_assert_num_queries):
    bw.session(bw.agree(), day=SESSION_DAYS[0])
    with django_assert_num_queries(2):
        one = school_timeline(user=bw.officer, establishment=bw.ryde, kinds=["deployment"])
    for day in SESSION_DAYS[1:]:
        bw.session(bw.agree(), day=day)
    with django_assert_num_queries(2):
        three = school_timeline(user=bw.officer, establishment=bw.ryde, kinds=["deployment"])
    assert len(one) == 2 and len(three) == 6
    given = school_timeline(user=bw.officer, establishment=bw.schools["ashwell"])
    assert given[0].title == "School-to-school support session (1 day)"
    assert any(e.title == "School-to-school support given to Ryde Primary" for e in given)
