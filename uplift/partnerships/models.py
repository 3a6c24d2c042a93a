"""Partnership bodies (AIPs, education partnerships, consortia, clusters, boards), their
members, seats and holders, the schools they are responsible for, and their meetings:
agenda, papers, attendance, motions and votes, actions."""

from django.conf import settings
from django.db import models

from uplift.core.dates import long_date


class Kind(models.TextChoices):
    AIP = "aip", "Area improvement partnership"
    EDUCATION_PARTNERSHIP = "education_partnership", "Education partnership"
    CONSORTIUM = "consortium", "Consortium"
    CLUSTER = "cluster", "Cluster"
    IMPROVEMENT_BOARD = "improvement_board", "School improvement board"
    LA_BOARD = "la_board", "Board run by the LA"


class Quorum(models.TextChoices):
    MAJORITY = "majority", "More than half of the voting members"
    HALF = "half", "At least half of the voting members"
    THIRD = "third", "At least a third of the voting members"
    FIXED = "fixed", "A fixed number of voting members"


class Partnership(models.Model):
    """A body that works on school improvement, with its terms of reference: what it is for
    (text) and how it decides (quorum, the chair's casting vote)."""

    la = models.ForeignKey(
        "schools.LocalAuthority", on_delete=models.PROTECT, related_name="partnerships"
    )
    kind = models.CharField(max_length=24, choices=Kind.choices)
    name = models.CharField(max_length=200)
    group = models.ForeignKey(
        "schools.SchoolGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partnerships",
        help_text="The register's group of the same schools, when there is one",
    )
    terms_of_reference = models.TextField(blank=True)
    quorum = models.CharField(max_length=8, choices=Quorum.choices, default=Quorum.MAJORITY)
    quorum_number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The number of voting members, for a fixed quorum"
    )
    chair_has_casting_vote = models.BooleanField(default=False)
    is_sample = models.BooleanField(default=False, help_text="Sample data for the demo")
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["la", "name"]
        constraints = [
            models.UniqueConstraint(fields=["la", "name"], name="uniq_partnership_name"),
            models.CheckConstraint(
                condition=~models.Q(quorum="fixed") | models.Q(quorum_number__gte=1),
                name="fixed_quorum_has_number",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class MemberKind(models.TextChoices):
    SCHOOL = "school", "School or setting"
    COLLEGE = "college", "College"
    UNIVERSITY = "university", "University"
    LA_SERVICE = "la_service", "LA service"
    BUSINESS = "business", "Business"
    VOLUNTARY = "voluntary", "Voluntary or community body"
    INDIVIDUAL = "individual", "Individual"


class Member(models.Model):
    """A member of a partnership: a school or setting by URN, or any other body or person."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="members")
    kind = models.CharField(max_length=12, choices=MemberKind.choices)
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=200)
    joined_on = models.DateField()
    left_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["partnership", "kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="school") | models.Q(establishment__isnull=False),
                name="school_member_has_urn",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Responsibility(models.Model):
    """A school the partnership is responsible for, from one date to another."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="responsibilities"
    )
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="+"
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["partnership", "establishment__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "establishment", "starts_on"], name="uniq_responsibility"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="responsibility_ends_after_start",
            ),
        ]


class Constituency(models.TextChoices):
    PHASE = "phase", "Phase"
    CLUSTER = "cluster", "Cluster"
    SECTOR = "sector", "Sector"
    INDEPENDENT_CHAIR = "independent_chair", "Independent chair"
    CO_OPTED = "co_opted", "Co-opted"
    ELECTED_MEMBER = "elected_member", "Elected member"
    OFFICER = "officer", "LA officer"
    OBSERVER = "observer", "Observer"


class Seat(models.Model):
    """A place on the partnership's board, for a constituency, with or without a vote."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="seats")
    name = models.CharField(max_length=120)
    constituency = models.CharField(max_length=20, choices=Constituency.choices)
    voting = models.BooleanField()
    chairs = models.BooleanField(default=False, help_text="The seat of the board's chair")
    term_months = models.PositiveSmallIntegerField(default=36)

    class Meta:
        ordering = ["partnership", "-chairs", "-voting", "constituency", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="uniq_seat_name"),
            models.UniqueConstraint(
                fields=["partnership"], condition=models.Q(chairs=True), name="one_chair_seat"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Holding(models.Model):
    """Someone holding a seat for a term of office. `user` lets them sign in and see what
    the partnership is responsible for, while the term is current."""

    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="holdings")
    person = models.CharField(max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="seat_holdings",
    )
    member = models.ForeignKey(
        Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="holdings"
    )
    starts_on = models.DateField()
    ends_on = models.DateField()

    class Meta:
        ordering = ["seat", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="term_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}, {self.seat}"

    def is_current_on(self, day) -> bool:
        return self.starts_on <= day <= self.ends_on


class Meeting(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField()
    title = models.CharField(max_length=200)
    notes = models.TextField(blank=True, help_text="The minutes' narrative")
    round = models.ForeignKey(
        "categorisation.Round",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The categorisation round the meeting agrees",
    )
    version = models.PositiveIntegerField(default=1)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["partnership", "-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.partnership.name}, {long_date(self.held_on)}"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="uniq_agenda_number")
        ]


class Paper(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="partnerships/papers/%Y/")
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["meeting", "title"]


class Attendance(models.Model):
    """A seat represented at a meeting, and by whom."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    seat = models.ForeignKey(Seat, on_delete=models.PROTECT, related_name="+")
    person = models.CharField(max_length=200)

    class Meta:
        ordering = ["meeting", "seat__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "seat"], name="uniq_attendance_seat")
        ]


class Effect(models.TextChoices):
    RESOLUTION = "resolution", "A resolution"
    CATEGORIES = "categories", "Agree or refer schools' categories"


class Outcome(models.TextChoices):
    PENDING = "", "Not yet voted on"
    CARRIED = "carried", "Carried"
    LOST = "lost", "Lost"


class Motion(models.Model):
    """A motion put to the meeting; once voted on, a decision with its effect."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="motions")
    text = models.TextField()
    effect = models.CharField(max_length=12, choices=Effect.choices, default=Effect.RESOLUTION)
    outcome = models.CharField(max_length=8, choices=Outcome.choices, blank=True, default="")
    casting_vote = models.CharField(max_length=8, blank=True, help_text="for or against")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "id"]

    def __str__(self) -> str:
        return self.text


class Resolve(models.TextChoices):
    AGREE = "agree", "Agree the proposed category"
    REFER = "refer", "Refer back for review"


class MotionSchool(models.Model):
    """What a categories motion resolves for one school of the round."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="schools")
    categorisation = models.ForeignKey(
        "categorisation.SchoolCategorisation", on_delete=models.PROTECT, related_name="+"
    )
    resolve = models.CharField(max_length=6, choices=Resolve.choices)

    class Meta:
        ordering = ["motion", "categorisation__establishment__name"]
        constraints = [
            models.UniqueConstraint(fields=["motion", "categorisation"], name="uniq_motion_school")
        ]


class Choice(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"
    ABSTAIN = "abstain", "Abstain"


class Vote(models.Model):
    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="votes")
    seat = models.ForeignKey(Seat, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=8, choices=Choice.choices)

    class Meta:
        ordering = ["motion", "seat__name"]
        constraints = [models.UniqueConstraint(fields=["motion", "seat"], name="uniq_vote_seat")]


class Action(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="partnership_actions"
    )
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "due_on", "id"]


class RoundRole(models.Model):
    """A round gives the partnership the role of agreeing the categories of the schools it
    is responsible for."""

    round = models.ForeignKey(
        "categorisation.Round", on_delete=models.CASCADE, related_name="partnership_roles"
    )
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="round_roles"
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    given_at = models.DateTimeField()

    class Meta:
        ordering = ["round", "partnership__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "partnership"], name="uniq_round_role")
        ]


class FundHolding(models.Model):
    """A fund the partnership holds and decides on (its commissions, its support)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="fund_holdings"
    )
    fund = models.OneToOneField("funds.Fund", on_delete=models.CASCADE, related_name="+")
    since = models.DateField()
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["partnership", "-since"]


class MotionDecides(models.Model):
    """What a carried motion decided that another part of Uplift keeps (a commission), named
    by content type and id so that this app imports none of them."""

    motion = models.ForeignKey(Motion, on_delete=models.PROTECT, related_name="decides")
    subject_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField()
    description = models.CharField(max_length=300)

    class Meta:
        ordering = ["motion", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id"], name="one_deciding_motion"
            )
        ]


class Who(models.TextChoices):
    LA = "la", "The local authority"
    PARTNERSHIP = "partnership", "The lead partnership"


class Sight(models.TextChoices):
    SCHOOLS = "schools", "Their schools' categories and profiles"
    SUPPORT = "support", "Their schools' categories, profiles and support"
    CASES = "cases", "Their schools' categories, profiles, support and cases"


class OperatingModel(models.Model):
    """The LA's choice of how school improvement is run, as configuration: who proposes
    categories, who agrees them, who commissions, who holds the budgets and what its
    partnerships see. Chosen from a preset (`partnerships/operating_models.py`) and then
    adjustable; the lead partnership takes the roles given to partnerships."""

    la = models.OneToOneField(
        "schools.LocalAuthority", on_delete=models.CASCADE, related_name="operating_model"
    )
    preset = models.CharField(max_length=24)
    proposes = models.CharField(max_length=12, choices=Who.choices)
    agrees = models.CharField(max_length=12, choices=Who.choices)
    commissions = models.CharField(max_length=12, choices=Who.choices)
    holds_budgets = models.CharField(max_length=12, choices=Who.choices)
    partnerships_see = models.CharField(max_length=8, choices=Sight.choices)
    lead_partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    chosen_at = models.DateTimeField()
