import pytest

from tests.impact.world import build_impact_world, iw_fixture  # noqa: F401
from uplift.impact.matching import MIN_MATCHES, SIZE_BANDS, band, impact_of
from uplift.impact.pieces import of_deployment


def _result(results, key):
    return next(r for r in results if r.outcome.key == key)


def test_before_after_and_matched_comparison(iw):
    results = impact_of(of_deployment(iw.deployment), ["ks2_reading", "absence"])
    reading = _result(results, "ks2_reading")
    assert (reading.before, reading.after) == (-2.0, 1.0)
    assert reading.schools[0].before_period == "2018-19"
    assert reading.schools[0].after_period == "2023-24"
    # Only the similar primaries are matched: the unlike ones rose by 5.
    assert reading.matches == 8
    assert reading.comparison_change == pytest.approx(1.0)
    assert reading.gain == pytest.approx(2.0)
    assert "better than similar schools (8 matched schools)" in reading.verdict
    absence = _result(results, "absence")
    # Lower absence is better: Ryde fell 1.5, similar schools 0.5.
    assert absence.gain == pytest.approx(1.0)


def test_nearest_neighbours_are_at_most_ten(db, settings):
    world = build_impact_world(similar=14)
    reading = impact_of(of_deployment(world.deployment), ["ks2_reading"])[0]
    assert reading.matches == 10
    # The nearest on prior reading progress (-2.0) are the first ten similar schools.
    names = {s.name for s in world.similar[:10]}
    matched = set(reading.schools[0].matched_ids)
    assert matched == {s.pk for s in world.similar if s.name in names}


def test_too_few_matches_says_so_plainly(db, settings):
    world = build_impact_world(similar=MIN_MATCHES - 1)
    reading = impact_of(of_deployment(world.deployment), ["ks2_reading"])[0]
    assert reading.gain is None
    assert reading.verdict.startswith("Too few similar schools to say anything: 4 found")


def test_schools_given_the_same_kind_of_support_are_left_out(iw):
    bw = iw.bw
    other = iw.similar[0]
    request = bw.request(establishment=other, case=None, raised_from="officer")
    bw.agree(
        request=request,
        starts_on=iw.deployment.starts_on,
        ends_on=iw.deployment.ends_on,
        review_on=iw.deployment.review_on,
        school_agreed_on=iw.deployment.starts_on,
        supporter_agreed_on=iw.deployment.starts_on,
        la_agreed_on=iw.deployment.starts_on,
    )
    reading = impact_of(of_deployment(iw.deployment), ["ks2_reading"])[0]
    assert other.pk not in reading.schools[0].matched_ids
    assert reading.matches == 7


def test_running_support_has_no_after_yet(iw):
    iw.deployment.status = "in_progress"
    reading = impact_of(of_deployment(iw.deployment), ["ks2_reading"])[0]
    assert reading.after is None
    assert reading.verdict.startswith("The support is still running")


def test_size_bands():
    assert band(None, SIZE_BANDS) is None
    assert band(99, SIZE_BANDS) == 0
    assert band(100, SIZE_BANDS) == 1
    assert band(5000, SIZE_BANDS) == len(SIZE_BANDS) - 1
