"""Ofsted's frameworks as dated data: which one was in force on a day, and their labels."""

from datetime import date, timedelta

import pytest

from uplift.inspections import frameworks
from uplift.inspections.models import Inspection, Judgement


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(2005, 8, 31), None),
        (date(2005, 9, 1), "2005"),
        (date(2009, 8, 31), "2005"),
        (date(2009, 9, 1), "2009"),
        (date(2012, 8, 31), "2009"),
        (date(2012, 9, 1), "2012"),
        (date(2015, 8, 31), "2012"),
        (date(2015, 9, 1), "cif2015"),
        (date(2019, 8, 31), "cif2015"),
        (date(2019, 9, 1), "eif2019"),
        (date(2024, 8, 31), "eif2019"),
        (date(2024, 9, 1), "eif2024"),
        (date(2025, 11, 9), "eif2024"),
        (date(2025, 11, 10), "rc2025"),
        (date(2030, 6, 1), "rc2025"),
    ],
)
def test_framework_on_a_day(day, code):
    found = frameworks.framework_on(day)
    assert (found.code if found else None) == code


def test_frameworks_follow_one_another_without_gap_or_overlap():
    chain = frameworks.FRAMEWORKS
    for earlier, later in zip(chain, chain[1:], strict=False):
        assert later.starts == earlier.ends + timedelta(days=1), later.code
    assert chain[-1].ends is None


def test_only_frameworks_before_september_2024_give_an_overall_grade():
    with_overall = {f.code for f in frameworks.FRAMEWORKS if f.has_overall_grade}
    assert with_overall == {"2005", "2009", "2012", "cif2015", "eif2019"}
    for code in with_overall:
        assert frameworks.framework(code).area("overall_effectiveness") is not None
    assert frameworks.framework("rc2025").area("overall_effectiveness") is None


@pytest.mark.parametrize(
    ("grade", "day", "label"),
    [
        ("3", date(2012, 8, 31), "Satisfactory"),
        ("3", date(2012, 9, 1), "Requires improvement"),
        (3, date(2026, 1, 13), "Requires improvement"),  # report-card era: the old words
        ("1", None, "Outstanding"),
        ("4", date(2010, 5, 5), "Inadequate"),
        (None, date(2020, 1, 1), ""),
        ("", None, ""),
        ("7", None, "7"),
    ],
)
def test_four_point_label(grade, day, label):
    assert frameworks.four_point_label(grade, day) == label


def test_report_card_scale_runs_from_exceptional_to_urgent_improvement():
    scale = frameworks.framework("rc2025").scale
    assert [(g.code, g.rank) for g in scale] == [
        ("exceptional", 1),
        ("strong", 2),
        ("expected", 3),
        ("needs_attention", 4),
        ("urgent_improvement", 5),
    ]
    assert frameworks.REPORT_CARD_WORDS["strong standard"] == "strong"
    assert frameworks.REPORT_CARD_WORDS["needs attention"] == "needs_attention"


def test_grade_and_area_labels_come_from_the_inspection_framework():
    old = Inspection(framework="2009", start_date=date(2011, 3, 1), overall_grade=3)
    assert old.framework_info.grade("3").label == "Satisfactory"
    assert old.overall_label == "Satisfactory"
    report_card = Inspection(framework="rc2025", start_date=date(2026, 1, 13))
    judgement = Judgement(inspection=report_card, area="inclusion", grade="needs_attention")
    assert (judgement.area_label, judgement.grade_label) == ("Inclusion", "Needs attention")
    unknown = Judgement(inspection=report_card, area="made_up", grade="odd")
    assert (unknown.area_label, unknown.grade_label) == ("made_up", "odd")
    assert frameworks.framework("cif2015").area("sixteen_to_nineteen").label == (
        "16 to 19 study programmes"
    )
    assert frameworks.framework("eif2019").area("inclusion") is None


def test_every_framework_module_is_discovered():
    """Adding a framework is adding a module to the package: each defines FRAMEWORK."""
    import pkgutil

    from uplift.inspections import frameworks as package

    modules = {
        name
        for _, name, _ in pkgutil.iter_modules(package.__path__)
        if name not in {"base"} and not name.startswith("_")
    }
    assert len(modules) == len(frameworks.FRAMEWORKS)
    assert [f.starts for f in frameworks.FRAMEWORKS] == sorted(
        f.starts for f in frameworks.FRAMEWORKS
    )


@pytest.mark.parametrize(
    ("code", "overall", "areas", "below_good", "requires_improvement"),
    [
        ("eif2019", 3, {}, True, True),
        ("eif2019", 2, {}, False, False),
        ("eif2019", None, {}, None, None),
        ("2009", 3, {}, True, True),  # satisfactory
        # 2024/25: quality of education or leadership and management stand for the grade
        ("eif2024", None, {"quality_of_education": "3", "leadership_management": "2"}, True, True),
        ("eif2024", None, {"quality_of_education": "4", "leadership_management": "3"}, True, False),
        ("eif2024", None, {"behaviour_attitudes": "3", "quality_of_education": "2"}, False, False),
        ("eif2024", None, {"behaviour_attitudes": "3"}, None, None),
        # report cards: any area needing attention or worse; no "requires improvement"
        ("rc2025", None, {"inclusion": "expected", "achievement": "needs_attention"}, True, None),
        ("rc2025", None, {"inclusion": "strong", "achievement": "expected"}, False, None),
        ("rc2025", None, {}, None, None),
    ],
)
def test_below_good_and_requires_improvement_are_framework_data(
    code, overall, areas, below_good, requires_improvement
):
    framework = frameworks.framework(code)
    assert framework.below_good(overall=overall, areas=areas) is below_good
    assert framework.requires_improvement(overall=overall, areas=areas) is requires_improvement


def test_area_lists_are_derived_from_the_frameworks():
    assert "leadership_governance" in frameworks.REPORT_CARD_AREAS
    assert "quality_of_education" in frameworks.NO_OVERALL_GRADE_AREAS
    assert "overall_effectiveness" not in frameworks.NO_OVERALL_GRADE_AREAS
