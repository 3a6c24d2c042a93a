"""The demo's partnerships, sample data labelled as such on the pages: a York-style
education partnership (six secondary and eight primary seats for the demo LA's towns as
clusters, an independent chair, further and higher education members, an elected member
and officers without a vote), and a consortium board for the personas' partnership schools
that agrees their categories in the demo round by a vote. Idempotent."""

from collections import Counter
from datetime import date

from django.contrib.auth import get_user_model

from uplift.audit.models import Via
from uplift.categorisation.models import Decision
from uplift.partnerships import meetings, operating, services
from uplift.partnerships.models import Constituency, Kind, MemberKind, Partnership, Quorum
from uplift.schools.models import Establishment, PhaseGroup, SchoolGroup
from uplift.schools.selectors import open_establishments

EDUCATION_PARTNERSHIP = "Hertfordshire Education Partnership"
CONSORTIUM = "Stevenage Consortium"
SINCE = date(2025, 9, 1)
MEETING_DAY = date(2026, 10, 7)
WHY = "Demo: sample partnership"


def seed_partnerships(*, la, officer, group_name: str) -> str:
    change = {"actor": officer, "via": Via.CLI}
    made = []
    if not Partnership.objects.filter(la=la, name=EDUCATION_PARTNERSHIP).exists():
        _education_partnership(la, change)
        made.append(EDUCATION_PARTNERSHIP)
    if not Partnership.objects.filter(la=la, name=CONSORTIUM).exists():
        _consortium(la, change, group_name)
        made.append(CONSORTIUM)
    if operating.operating_model_of(la) is None:
        # Model 2, as the demo runs it: the LA proposes, the consortium's board agrees.
        # `uplift partnerships operating-model` switches the demo to the other two.
        operating.choose_operating_model(
            la=la,
            preset="la_commissions",
            lead_partnership=Partnership.objects.get(la=la, name=CONSORTIUM),
            reason="Demo: sample operating model",
            **change,
        )
        made.append("the operating model")
    return f"created {', '.join(made)}" if made else "already there"


def _towns(la, phase, count):
    towns = Counter(
        open_establishments(Establishment.objects.filter(la=la, phase_group=phase))
        .exclude(town="")
        .values_list("town", flat=True)
    )
    return [town for town, _ in towns.most_common(count)]


def _education_partnership(la, change):
    partnership = services.create_partnership(
        la=la,
        kind=Kind.EDUCATION_PARTNERSHIP,
        name=EDUCATION_PARTNERSHIP,
        terms_of_reference=(
            "Sets the vision for education in the county and commissions all school "
            "improvement. Schools are in the majority: secondary heads hold six seats and "
            "primary heads eight, for their clusters. The elected member and the LA's officers "
            "attend without a vote."
        ),
        quorum=Quorum.MAJORITY,
        chair_has_casting_vote=True,
        is_sample=True,
        reason=WHY,
        **change,
    )
    seats = [("Independent chair", Constituency.INDEPENDENT_CHAIR, True, True)]
    seats += [
        (f"Secondary heads, {town} cluster", Constituency.CLUSTER, True, False)
        for town in _towns(la, PhaseGroup.SECONDARY, 6)
    ]
    seats += [
        (f"Primary heads, {town} cluster", Constituency.CLUSTER, True, False)
        for town in _towns(la, PhaseGroup.PRIMARY, 8)
    ]
    seats += [
        ("Further education", Constituency.SECTOR, True, False),
        ("Higher education", Constituency.SECTOR, True, False),
        ("Elected member", Constituency.ELECTED_MEMBER, False, False),
        ("Director of children's services", Constituency.OFFICER, False, False),
        ("Head of school improvement", Constituency.OFFICER, False, False),
    ]
    college = services.add_member(
        partnership=partnership,
        kind=MemberKind.COLLEGE,
        name="A further education college (sample)",
        joined_on=SINCE,
        **change,
    )
    university = services.add_member(
        partnership=partnership,
        kind=MemberKind.UNIVERSITY,
        name="A university (sample)",
        joined_on=SINCE,
        **change,
    )
    for number, (name, constituency, voting, chairs) in enumerate(seats):
        seat = services.add_seat(
            partnership=partnership,
            name=name,
            constituency=constituency,
            voting=voting,
            chairs=chairs,
            **change,
        )
        if number % 7 == 3:  # a few vacancies, as the page shows them
            continue
        member = {"Further education": college, "Higher education": university}.get(name)
        services.appoint(
            seat=seat,
            person=f"Sample holder {number + 1}",
            member=member,
            starts_on=SINCE,
            **change,
        )
    schools = open_establishments(Establishment.objects.filter(la=la))
    services.take_responsibility(
        partnership=partnership, establishments=schools, starts_on=SINCE, reason=WHY, **change
    )


def _consortium(la, change, group_name):
    users = get_user_model().objects
    group = SchoolGroup.objects.filter(name=group_name).first()
    schools = list(
        Establishment.objects.filter(memberships__group=group).order_by("urn") if group else []
    )
    partnership = services.create_partnership(
        la=la,
        kind=Kind.CONSORTIUM,
        name=CONSORTIUM,
        group=group,
        terms_of_reference=(
            "Responsible for the improvement of its member schools; agrees their categories "
            "each round. The chair has a casting vote; the LA's officer attends without a vote."
        ),
        quorum=Quorum.MAJORITY,
        chair_has_casting_vote=True,
        is_sample=True,
        reason=WHY,
        **change,
    )
    for school in schools:
        services.add_member(
            partnership=partnership,
            kind=MemberKind.SCHOOL,
            establishment=school,
            joined_on=SINCE,
            **change,
        )
    if schools:
        services.take_responsibility(
            partnership=partnership, establishments=schools, starts_on=SINCE, reason=WHY, **change
        )
    board_member = users.filter(username="board.member").first()
    for key, name, constituency, voting, chairs, user in (
        ("chair", "Independent chair", Constituency.INDEPENDENT_CHAIR, True, True, None),
        ("north", "Primary heads, north", Constituency.PHASE, True, False, board_member),
        ("south", "Primary heads, south", Constituency.PHASE, True, False, None),
        ("east", "Primary heads, east", Constituency.PHASE, True, False, None),
        ("officer", "LA officer", Constituency.OFFICER, False, False, change["actor"]),
    ):
        seat = services.add_seat(
            partnership=partnership,
            name=name,
            constituency=constituency,
            voting=voting,
            chairs=chairs,
            **change,
        )
        person = (user.get_full_name() if user else "") or f"Sample {key} holder"
        services.appoint(seat=seat, person=person, user=user, starts_on=SINCE, **change)


def agree_by_consortium(*, round_, officer) -> str:
    """The consortium's meeting agrees its schools' proposed categories in the round by a
    vote (the officer present without a vote), and a tied motion is decided by the chair."""
    partnership = Partnership.objects.filter(la=round_.la, name=CONSORTIUM).first()
    if partnership is None or partnership.meetings.filter(round=round_).exists():
        return "nothing to agree"
    change = {"actor": officer, "via": Via.CLI}
    if not partnership.round_roles.filter(round=round_).exists():  # the operating model's
        services.give_round_role(
            round=round_,
            partnership=partnership,
            reason="The consortium agrees its schools' categories",
            **change,
        )
    meeting = meetings.schedule_meeting(
        partnership=partnership,
        held_on=MEETING_DAY,
        title="Autumn categorisation",
        agenda=["Apologies", "Proposed categories of the consortium's schools", "Meetings"],
        round=round_,
        **change,
    )
    seats = {seat.name: seat for seat in partnership.seats.all()}
    present = ["Independent chair", "Primary heads, north", "Primary heads, south"]
    present += ["Primary heads, east", "LA officer"]
    meeting = meetings.record_attendance(
        meeting=meeting, version=meeting.version, seats=[seats[n] for n in present], **change
    )
    rows = list(
        round_.categorisations.filter(
            establishment__in=partnership.responsibilities.values("establishment"),
            decision=Decision.UNDECIDED,
        ).select_related("establishment")
    )
    if rows:
        motion = meetings.propose_motion(
            meeting=meeting,
            text="That the board agrees the proposed categories of its schools",
            agree=rows,
            **change,
        )
        meetings.record_votes(
            motion=motion,
            votes={
                seats["Independent chair"]: "for",
                seats["Primary heads, north"]: "for",
                seats["Primary heads, south"]: "for",
                seats["Primary heads, east"]: "abstain",
            },
            **change,
        )
    tied = meetings.propose_motion(
        meeting=meeting, text="That the board meets every half term", **change
    )
    meetings.record_votes(
        motion=tied,
        votes={
            seats["Independent chair"]: "for",
            seats["Primary heads, north"]: "for",
            seats["Primary heads, south"]: "against",
            seats["Primary heads, east"]: "against",
        },
        casting_vote="for",
        **change,
    )
    board_member = get_user_model().objects.filter(username="board.member").first()
    if board_member is not None:
        meetings.add_action(
            meeting=meeting,
            description="Share the agreed categories with the consortium's governing bodies",
            owner=board_member,
            due_on=date(2026, 11, 4),
            **change,
        )
    return f"the consortium agreed {len(rows)} schools' categories by a vote"
