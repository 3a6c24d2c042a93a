"""The case services: who may take each step, the rules they enforce, the rows and audit
events they write, and how cases open from a published round and from an inspection."""

from datetime import date

import pytest

from tests.casework.cases_fixtures import (  # noqa: F401 (fixtures)
    BEFORE_BANK_HOLIDAY,
    las_fixture,
    moderated_round,
    open_case_fixture,
    schools_fixture,
    send_concern_letter,
    users_fixture,
    walk_fixture,
)
from uplift.audit.models import AuditEvent, Via
from uplift.casework.cases import services as cases_services
from uplift.casework.models import (
    CaseworkSettings,
    ConcernCase,
    OpenedBy,
    SchoolHoliday,
    Stage,
    StageChange,
)
from uplift.casework.notices import services as notices_services
from uplift.casework.powers import services as powers_services
from uplift.core.errors import NotAllowed, Refused, RuleRefused, StaleVersion
from uplift.inspections.models import Inspection, InspectionKind, InspectionSource

pytestmark = pytest.mark.django_db


def test_an_officer_opens_a_case_with_its_first_stage_and_audit_event(open_case, users):
    case = open_case()
    assert case.stage == Stage.CONCERN_RAISED and case.opened_by == OpenedBy.OFFICER
    assert case.lead_officer == users["officer"]
    change = StageChange.objects.get(case=case)
    assert (change.from_stage, change.to_stage) == ("", Stage.CONCERN_RAISED)
    event = AuditEvent.objects.get(action="case.opened")
    assert event.establishment == case.establishment and event.reason.startswith("Category 4")


def test_a_school_has_one_open_case_at_a_time(open_case):
    first = open_case()
    with pytest.raises(RuleRefused) as refused:
        open_case()
    assert refused.value.rule == "one_open_case"
    assert f"already has an open case (case {first.pk}, opened on 1 March 2026)" in str(
        refused.value
    )
    assert ConcernCase.objects.count() == 1


def test_a_new_case_opens_once_the_old_one_is_closed(open_case, users):
    first = open_case()
    cases_services.close_case(
        actor=users["officer"],
        via=Via.WEB,
        case=first,
        closed_on=date(2026, 4, 1),
        reason="Improved",
        version=first.version,
    )
    assert open_case(opened_on=date(2026, 5, 1)).pk != first.pk


@pytest.mark.parametrize("who", ["adviser", "essex_officer", "head", "data"])
def test_only_the_schools_la_officers_run_its_casework(open_case, users, who):
    with pytest.raises(NotAllowed):
        open_case(actor=users[who])
    case = open_case()
    with pytest.raises(NotAllowed):
        cases_services.close_case(
            actor=users[who],
            via=Via.WEB,
            case=case,
            closed_on=date(2026, 4, 1),
            reason="x",
            version=case.version,
        )


def test_a_system_administrator_may(open_case, users, schools):
    assert open_case(school=schools["essex"], actor=users["admin"]).pk


def test_the_officer_takes_a_case_to_a_notice_whose_deadline_skips_the_bank_holiday(
    open_case, walk
):
    case = walk(open_case(), "pre_warning")
    assert case.stage == Stage.PRE_WARNING and case.action_plan_due_on == date(2026, 4, 17)
    notice = notices_services.issue_warning_notice(
        actor=case.lead_officer,
        via=Via.WEB,
        case=case,
        grounds=["standards", "management"],
        issued_on=BEFORE_BANK_HOLIDAY,
        compliance_working_days=1,
    )
    # Friday 22 May 2026; Monday 25 May is the spring bank holiday.
    assert notice.compliance_deadline == date(2026, 5, 26)
    assert notice.powers_window_ends == date(2026, 7, 26)
    case.refresh_from_db()
    assert case.stage == Stage.WARNING_NOTICE
    assert [c.to_stage for c in case.stage_changes.order_by("id")] == [
        "concern_raised",
        "letter_of_concern",
        "pre_warning",
        "warning_notice",
    ]
    event = AuditEvent.objects.get(action="case.warning_notice_issued")
    assert event.changes["compliance_deadline"] == [None, "2026-05-26"]


def test_the_default_period_is_the_las_and_skips_its_school_holidays(open_case, users, las):
    case = open_case()
    officer = users["officer"]
    default = notices_services.issue_warning_notice(
        actor=officer, via=Via.WEB, case=case, grounds=["safety"], issued_on=BEFORE_BANK_HOLIDAY
    )
    assert default.compliance_working_days == 15
    assert default.compliance_deadline == date(2026, 6, 15)
    CaseworkSettings.objects.create(la=las["herts"], compliance_working_days=10)
    SchoolHoliday.objects.create(
        la=las["herts"], name="Half term", starts_on=date(2026, 5, 26), ends_on=date(2026, 5, 29)
    )
    second = notices_services.issue_warning_notice(  # other grounds: not a repeat of the first
        actor=officer,
        via=Via.WEB,
        case=case,
        grounds=["safety", "standards"],
        issued_on=BEFORE_BANK_HOLIDAY,
    )
    # 10 working days from 1 June (bank holiday 25 May, half term 26 to 29 May).
    assert (second.compliance_working_days, second.compliance_deadline) == (10, date(2026, 6, 12))


def test_the_letter_of_concern_waits_for_the_sent_letter(open_case, users):
    case = open_case()
    with pytest.raises(RuleRefused) as refused:
        cases_services.move_case(
            actor=users["officer"],
            via=Via.WEB,
            case=case,
            to_stage="letter_of_concern",
            on=date(2026, 3, 2),
            reason="Sent",
            version=case.version,
        )
    assert refused.value.rule == "concern_letter_sent"
    send_concern_letter(case)
    moved = cases_services.move_case(
        actor=users["officer"],
        via=Via.WEB,
        case=case,
        to_stage="letter_of_concern",
        on=date(2026, 3, 2),
        reason="Sent",
        version=case.version,
    )
    assert moved.stage == Stage.LETTER_OF_CONCERN and moved.version == case.version + 1


def test_a_stale_page_is_refused(open_case, users, walk):
    case = open_case()
    stale = case.version
    walk(case, "letter")
    with pytest.raises(StaleVersion):
        cases_services.move_case(
            actor=users["officer"],
            via=Via.WEB,
            case=case,
            to_stage="pre_warning",
            on=date(2026, 3, 16),
            reason="x",
            version=stale,
            action_plan_due_on=date(2026, 4, 1),
        )


def test_no_warning_notice_for_an_academy(open_case, users, schools):
    case = open_case(school=schools["academy"])
    with pytest.raises(RuleRefused) as refused:
        notices_services.issue_warning_notice(
            actor=users["officer"],
            via=Via.WEB,
            case=case,
            grounds=["standards"],
            issued_on=date(2026, 5, 1),
        )
    assert refused.value.rule == "maintained_schools_only"
    assert "Croxley Academy (URN 117003) is an academy converter" in str(refused.value)


def test_unknown_grounds_are_refused(open_case, users):
    with pytest.raises(Refused, match="Unknown ground 'money'"):
        notices_services.issue_warning_notice(
            actor=users["officer"],
            via=Via.WEB,
            case=open_case(),
            grounds=["money"],
            issued_on=date(2026, 5, 1),
        )


def test_eligible_then_powers_then_closing(open_case, users, walk):
    case = walk(open_case(), "powers")
    assert case.stage == Stage.POWERS_USED
    use = case.powers.get()
    with pytest.raises(RuleRefused) as refused:
        cases_services.close_case(
            actor=users["officer"],
            via=Via.WEB,
            case=case,
            closed_on=date(2026, 9, 1),
            reason="Academy opened",
            version=case.version,
        )
    assert refused.value.rule == "powers_told_to_dfe_before_closing"
    powers_services.record_power_dfe_notification(
        actor=users["officer"], via=Via.WEB, power_use=use, notified_on=date(2026, 7, 2)
    )
    case.refresh_from_db()
    powers_services.record_structural_solution(
        actor=users["officer"],
        via=Via.WEB,
        case=case,
        kind="academy_order",
        decided_on=date(2026, 7, 10),
        academy_order_on=date(2026, 7, 10),
    )
    case.refresh_from_db()
    assert case.stage == Stage.STRUCTURAL
    closed = cases_services.close_case(
        actor=users["officer"],
        via=Via.WEB,
        case=case,
        closed_on=date(2026, 9, 1),
        reason="Academy opened",
        version=case.version,
    )
    assert closed.stage == Stage.CLOSED and closed.closure_reason == "Academy opened"
    with pytest.raises(RuleRefused) as refused:
        powers_services.use_power(
            actor=users["officer"],
            via=Via.WEB,
            case=closed,
            power="s66",
            used_on=date(2026, 9, 2),
            details="x",
        )
    assert refused.value.rule == "closed_case_takes_no_steps"
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions[-3:] == [
        "case.power_notified_to_dfe",
        "case.structural_solution_recorded",
        "case.closed",
    ]


def test_additional_governors_after_the_window_are_refused_with_the_date(open_case, users, walk):
    case = walk(open_case(), "eligible")
    with pytest.raises(RuleRefused) as refused:
        powers_services.use_power(
            actor=users["officer"],
            via=Via.WEB,
            case=case,
            power="s64",
            used_on=date(2026, 8, 17),
            details="Two governors",
        )
    assert "that window closed on 15 August 2026" in str(refused.value)
    assert not case.powers.exists()


def test_a_refused_step_writes_nothing(open_case, users, walk):
    case = walk(open_case(), "notice")
    before = (StageChange.objects.count(), AuditEvent.objects.count())
    with pytest.raises(RuleRefused):
        cases_services.move_case(
            actor=users["officer"],
            via=Via.WEB,
            case=case,
            to_stage="eligible",
            on=date(2026, 6, 1),
            reason="Too soon",
            version=case.version,
        )
    assert (StageChange.objects.count(), AuditEvent.objects.count()) == before


def test_special_measures_makes_the_school_eligible_without_a_notice(open_case, users, schools):
    case = open_case()
    Inspection.objects.create(
        establishment=schools["maintained"],
        framework="eif2019",
        kind=InspectionKind.GRADED,
        start_date=date(2026, 2, 10),
        overall_grade=4,
        category_of_concern="special_measures",
        source=InspectionSource.OFSTED_MI,
    )
    moved = cases_services.move_case(
        actor=users["officer"],
        via=Via.WEB,
        case=case,
        to_stage="eligible",
        on=date(2026, 3, 5),
        reason="Special measures (s.62)",
        version=case.version,
    )
    assert moved.stage == Stage.ELIGIBLE


def _inspection(school, category, start, number):
    return Inspection.objects.create(
        establishment=school,
        framework="eif2019",
        kind=InspectionKind.GRADED,
        start_date=start,
        overall_grade=4 if category else 2,
        category_of_concern=category,
        inspection_number=number,
        source=InspectionSource.OFSTED_MI,
    )


def test_inspections_open_cases_for_schools_they_put_in_a_category(schools, open_case):
    sm = _inspection(schools["maintained"], "special_measures", date(2026, 2, 10), "1")
    old = _inspection(schools["other"], "serious_weaknesses", date(2011, 2, 10), "2")
    _inspection(schools["other"], "", date(2015, 2, 10), "3")  # since out of the category
    rsi = _inspection(schools["essex"], "requires_significant_improvement", date(2026, 3, 1), "4")
    opened = cases_services.open_cases_for_inspections(inspections=[sm, old, rsi], via=Via.SYSTEM)
    assert sorted(c.establishment.urn for c in opened) == [117001, 881001]
    case = ConcernCase.objects.get(establishment=schools["maintained"])
    assert case.opened_by == OpenedBy.INSPECTION and case.inspection == sm
    assert "special measures" in case.opening_reason
    # Again: the schools already have open cases.
    assert cases_services.open_cases_for_inspections(inspections=[sm, rsi], via=Via.SYSTEM) == []


def test_the_ofsted_importer_opens_cases_for_its_inspections(schools):
    from uplift.imports.models import ImportRun, RunStatus
    from uplift.inspections.importers.ofsted_mi import OfstedManagementInformation

    run = ImportRun.objects.create(
        importer="ofsted",
        file_name="mi.csv",
        sha256="0" * 64,
        actor="cli",
        started_at="2026-11-01T10:00:00Z",
        finished_at="2026-11-01T10:00:00Z",
        status=RunStatus.APPLIED,
    )
    sm = _inspection(schools["maintained"], "special_measures", date(2026, 2, 10), "9")
    sm.import_run = run
    sm.save()
    importer = OfstedManagementInformation.__new__(OfstedManagementInformation)
    importer.run = run
    from django.db import transaction

    with transaction.atomic():
        assert importer.tell_others() == ["1 concern case opened."]
    assert ConcernCase.objects.get().inspection == sm


def test_a_published_round_opens_cases_for_categories_causing_concern(users, schools, las):
    from uplift.categorisation.rounds.services import publish_round

    officer = users["officer"]
    round_ = moderated_round(
        la=las["herts"],
        officer=officer,
        categories={schools["maintained"]: "4", schools["other"]: "3b", schools["academy"]: "3a"},
    )
    existing = cases_services.open_case(
        actor=officer,
        via=Via.WEB,
        establishment=schools["other"],
        opened_on=date(2026, 9, 2),
        reason="Already a concern",
    )
    publish_round(actor=officer, via=Via.WEB, round=round_, version=round_.version, reason="Go")
    opened = ConcernCase.objects.filter(opened_by=OpenedBy.CATEGORY)
    assert [(c.establishment.urn, c.category_code) for c in opened] == [(117001, "4")]
    assert ConcernCase.objects.filter(establishment=schools["other"]).get() == existing
    assert not ConcernCase.objects.filter(establishment=schools["academy"]).exists()


def test_recategorising_into_a_category_causing_concern_opens_a_case(users, schools, las):
    from uplift.categorisation.rounds.services import publish_round, recategorise

    officer = users["officer"]
    round_ = moderated_round(
        la=las["herts"],
        officer=officer,
        categories={schools["maintained"]: "2", schools["other"]: "2"},
    )
    publish_round(actor=officer, via=Via.WEB, round=round_, version=round_.version, reason="Go")
    assert not ConcernCase.objects.exists()

    recategorise(
        actor=officer,
        via=Via.WEB,
        establishment=schools["other"],
        category="3a",
        reason="Dip in results",
        evidence="Monitoring visit",
    )
    assert not ConcernCase.objects.exists()  # 3a "may be" causing concern: no case
    recategorise(
        actor=officer,
        via=Via.WEB,
        establishment=schools["maintained"],
        category="4",
        reason="Safeguarding failures found",
        evidence="Note of visit, 12 November",
    )
    case = ConcernCase.objects.get()
    assert (case.establishment, case.opened_by, case.category_code) == (
        schools["maintained"],
        OpenedBy.CATEGORY,
        "4",
    )
    assert "Safeguarding failures found" in case.opening_reason
