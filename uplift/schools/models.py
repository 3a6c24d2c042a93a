"""The register: local authorities, establishments, their links and groups."""

from django.db import models
from simple_history import register


class RegisterSource(models.TextChoices):
    GIAS = "gias", "Get Information About Schools"
    OFSTED = "ofsted", "Ofsted management information"
    PERFORMANCE = "performance", "DfE performance tables"
    SCHOOL_INFORMATION = "school_info", "DfE school information"
    MANUAL = "manual", "Entered in Uplift"


class LocalAuthority(models.Model):
    code = models.CharField("DfE LA code", max_length=3, unique=True)
    name = models.CharField(max_length=120)
    region = models.CharField(max_length=80, blank=True)
    la_type = models.CharField("LA type", max_length=20, blank=True)
    successors = models.ManyToManyField(
        "self",
        through="LocalAuthoritySuccession",
        symmetrical=False,
        related_name="predecessors",
        blank=True,
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class LocalAuthoritySuccession(models.Model):
    """One LA replaced (in whole or part) by another on a date."""

    predecessor = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="succeeded_by"
    )
    successor = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="succeeds")
    effective_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="uniq_la_succession")
        ]


class StatisticalNeighbour(models.Model):
    """The n-th closest LA to another, in one edition of DfE's model."""

    la = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="neighbours")
    neighbour = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField()
    closeness = models.CharField(max_length=40, blank=True)
    edition = models.CharField(max_length=60)

    class Meta:
        ordering = ["la", "edition", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["la", "edition", "rank"], name="uniq_neighbour_rank")
        ]


class PhaseGroup(models.TextChoices):
    """The phases LA reports are broken down by."""

    NURSERY = "nursery", "Nursery"
    PRIMARY = "primary", "Primary"
    SECONDARY = "secondary", "Secondary"
    ALL_THROUGH = "all_through", "All-through"
    SPECIAL = "special", "Special"
    PRU_AP = "pru_ap", "PRU and alternative provision"
    SIXTEEN_PLUS = "16_plus", "16 plus"
    OTHER = "other", "Other"


class Establishment(models.Model):
    urn = models.PositiveIntegerField("URN", unique=True)
    la = models.ForeignKey(
        LocalAuthority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="establishments",
    )
    establishment_number = models.CharField(max_length=4, blank=True)
    laestab = models.CharField("LAESTAB", max_length=7, blank=True, db_index=True)
    name = models.CharField(max_length=200)
    type_name = models.CharField("type", max_length=100, blank=True)
    type_group = models.CharField("type group", max_length=100, blank=True)
    phase = models.CharField(max_length=60, blank=True)
    phase_group = models.CharField(
        max_length=12, choices=PhaseGroup.choices, default=PhaseGroup.OTHER, db_index=True
    )
    status = models.CharField(max_length=60, blank=True)
    open_date = models.DateField(null=True, blank=True)
    close_date = models.DateField(null=True, blank=True)
    statutory_low_age = models.PositiveSmallIntegerField(null=True, blank=True)
    statutory_high_age = models.PositiveSmallIntegerField(null=True, blank=True)
    pupils = models.PositiveIntegerField("number of pupils", null=True, blank=True)
    percent_fsm = models.DecimalField(
        "% free school meals", max_digits=5, decimal_places=2, null=True, blank=True
    )
    trust = models.ForeignKey(
        "SchoolGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trust_establishments",
    )
    postcode = models.CharField(max_length=10, blank=True)
    town = models.CharField(max_length=80, blank=True)
    religious_character = models.CharField(max_length=80, blank=True)
    admissions_policy = models.CharField(max_length=40, blank=True)
    register_source = models.CharField(
        max_length=12, choices=RegisterSource.choices, default=RegisterSource.GIAS
    )
    # Which source named the school, and its edition ("2017/18"), said on the school page.
    name_source = models.CharField(max_length=12, choices=RegisterSource.choices, blank=True)
    name_edition = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.urn})"

    @property
    def is_open(self) -> bool:
        return not self.status.lower().startswith("closed")

    @property
    def named_by(self) -> str:
        """Which source named the school, in words: "DfE school information 2017/18"."""
        if not self.name or not self.name_source:
            return ""
        return " ".join(filter(None, [self.get_name_source_display(), self.name_edition]))


class EstablishmentLink(models.Model):
    """A GIAS predecessor/successor link. URNs, not keys: the other end may not be loaded."""

    urn = models.PositiveIntegerField("URN", db_index=True)
    linked_urn = models.PositiveIntegerField("linked URN", db_index=True)
    linked_name = models.CharField(max_length=200, blank=True)
    link_type = models.CharField(max_length=100)
    established_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["urn", "established_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["urn", "linked_urn", "link_type"], name="uniq_establishment_link"
            )
        ]

    @property
    def is_predecessor(self) -> bool:
        return self.link_type.lower().startswith("predecessor")

    @property
    def is_successor(self) -> bool:
        return self.link_type.lower().startswith("successor")


class GroupKind(models.TextChoices):
    CLUSTER = "cluster", "Cluster"
    CONSORTIUM = "consortium", "Consortium"
    PARTNERSHIP = "partnership", "Partnership"
    TRUST = "trust", "Trust"
    TEACHING_SCHOOL_HUB = "teaching_school_hub", "Teaching school hub"
    ALLIANCE = "alliance", "Alliance"
    FEDERATION = "federation", "Federation"


class SchoolGroup(models.Model):
    kind = models.CharField(max_length=24, choices=GroupKind.choices)
    name = models.CharField(max_length=200)
    reference = models.CharField(
        max_length=40, blank=True, help_text="The publisher's identifier, e.g. a trust's UID"
    )
    la = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, null=True, blank=True, related_name="groups"
    )
    members = models.ManyToManyField(
        Establishment, through="GroupMembership", related_name="school_groups"
    )

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "name"], name="uniq_group_kind_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class GroupMembership(models.Model):
    """An establishment's membership of a group, from one date to another."""

    group = models.ForeignKey(SchoolGroup, on_delete=models.CASCADE, related_name="memberships")
    establishment = models.ForeignKey(
        Establishment, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_on = models.DateField(null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)
    role = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["group", "joined_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "establishment", "joined_on"], name="uniq_group_membership"
            ),
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True)
                | models.Q(joined_on__isnull=True)
                | models.Q(left_on__gte=models.F("joined_on")),
                name="membership_left_after_joined",
            ),
        ]

    def is_current_on(self, day) -> bool:
        return (self.joined_on is None or self.joined_on <= day) and (
            self.left_on is None or day <= self.left_on
        )


# Row-level history of the models people edit. The importers write with bulk_create and
# bulk_update, which simple-history does not see: intended, since each import run is recorded
# in full (imports.ImportRun and its audit event). The historical tables live in the audit
# app, where they were first created.
for _model in (SchoolGroup, GroupMembership, Establishment):
    register(_model, app="uplift.audit", history_change_reason_field=models.TextField(null=True))


class ContactKind(models.TextChoices):
    HEAD = "head", "Headteacher"
    CHAIR = "chair", "Chair of governors"
    CLERK = "clerk", "Clerk to the governors"
    BUSINESS_MANAGER = "business_manager", "School business manager"


class SchoolContact(models.Model):
    """Who the LA writes to at a school: its headteacher, chair of governors, clerk and
    business manager, with their names and email addresses (people who need no account).
    Letters greet the head and chair by these names; notifications go to these addresses."""

    establishment = models.ForeignKey(
        Establishment, on_delete=models.CASCADE, related_name="contacts"
    )
    kind = models.CharField(max_length=20, choices=ContactKind.choices)
    title = models.CharField(max_length=20, blank=True, help_text="Mrs, Mr, Ms, Dr")
    first_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100, blank=True)
    email = models.EmailField(blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["establishment", "kind"], name="one_contact_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.establishment.name}: {self.full_name}"

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.title, self.first_name, self.last_name) if p)

    @property
    def formal_name(self) -> str:
        """ "Mrs Patel" when the title and surname are known, else the name as recorded."""
        if self.title and self.last_name:
            return f"{self.title} {self.last_name}"
        return " ".join(p for p in (self.first_name, self.last_name) if p)
