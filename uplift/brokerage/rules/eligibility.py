"""Whether a school may give support: its category (the LA's setting says how many of the best
categories qualify) and its inspection, and no open concern case. `broken` gets the school's
facts (an EligibilityFacts) and answers the values of the message, with `since`: the day the
school stopped being eligible for this reason."""

from uplift.brokerage.rules import ELIGIBILITY, Rule, register
from uplift.core.dates import long_date


@register
class NoPublishedCategory(Rule):
    """{school} has no published category yet, so it cannot give support."""

    code = "no_category"
    actions = (ELIGIBILITY,)
    order = 10

    @classmethod
    def broken(cls, *, facts, **_):
        if facts.category is None:
            return {"school": facts.school.name, "since": None}
        return None


@register
class OutsideBestCategories(Rule):
    """{school} is in {category}: only schools in the LA's best {best} categories give
    support."""

    code = "outside_best_categories"
    actions = (ELIGIBILITY,)
    order = 20

    @classmethod
    def broken(cls, *, facts, **_):
        if facts.category is None or facts.category_rank is None:
            return None
        if facts.category_rank < facts.best_categories:
            return None
        return {
            "school": facts.school.name,
            "category": facts.category.label,
            "best": facts.best_categories,
            "since": facts.category.since,
        }


@register
class OfstedCategoryOfConcern(Rule):
    """{school} was placed in {concern} at its inspection of {day}."""

    code = "ofsted_category_of_concern"
    actions = (ELIGIBILITY,)
    order = 30

    @classmethod
    def broken(cls, *, facts, **_):
        inspection = facts.inspection
        if inspection is None or not inspection.category_of_concern:
            return None
        return {
            "school": facts.school.name,
            "concern": inspection.get_category_of_concern_display().lower(),
            "day": long_date(inspection.start_date),
            "since": inspection.start_date,
        }


@register
class BelowGoodInspection(Rule):
    """{school}'s latest inspection, on {day}, found it below good."""

    code = "below_good_inspection"
    actions = (ELIGIBILITY,)
    order = 40

    @classmethod
    def broken(cls, *, facts, **_):
        inspection = facts.inspection
        if inspection is None:
            return None
        areas = {j.area: j.grade for j in inspection.judgements.all()}
        below = inspection.framework_info.below_good(overall=inspection.overall_grade, areas=areas)
        if not below:
            return None
        return {
            "school": facts.school.name,
            "day": long_date(inspection.start_date),
            "since": inspection.start_date,
        }


@register
class OpenConcernCase(Rule):
    """{school} has had an open concern case since {day}: a school receiving intervention
    does not give support."""

    code = "open_concern_case"
    actions = (ELIGIBILITY,)
    order = 50

    @classmethod
    def broken(cls, *, facts, **_):
        if facts.case_opened_on is None:
            return None
        return {
            "school": facts.school.name,
            "day": long_date(facts.case_opened_on),
            "since": facts.case_opened_on,
        }
