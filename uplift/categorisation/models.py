"""Categorisation: an LA's policy (versioned data), officers' judgements, termly rounds and
each school's category in a round."""

from functools import cached_property

from django.conf import settings
from django.db import models

from uplift.categorisation.definition import parse_definition


class Policy(models.Model):
    """An LA's categorisation policy. Its content lives in its versions."""

    la = models.ForeignKey(
        "schools.LocalAuthority", on_delete=models.PROTECT, related_name="categorisation_policies"
    )
    name = models.CharField(max_length=120)
    preset = models.CharField(
        max_length=40, blank=True, help_text="The preset the policy started from, if any"
    )
    copied_from = models.ForeignKey(
        "PolicyVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["la", "name"]
        verbose_name_plural = "policies"
        constraints = [models.UniqueConstraint(fields=["la", "name"], name="uniq_policy_name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.la.name})"


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ACTIVE = "active", "Active"
    RETIRED = "retired", "Retired"


class ImmutableVersion(Exception):
    """A saved policy version's content never changes: save a new version instead."""


# The only fields a saved version may change: its place in the policy's life.
STATUS_FIELDS = frozenset({"status", "activated_at", "retired_at"})


class PolicyVersion(models.Model):
    """One saved state of a policy. Its definition (validated JSON, see definition.py) is
    never changed once saved; only its status moves from draft to active to retired."""

    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(
        max_length=8, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    definition = models.JSONField()
    change_note = models.TextField()
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField()
    activated_at = models.DateTimeField(null=True, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["policy", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "number"], name="uniq_policy_version"),
            models.UniqueConstraint(
                fields=["policy"],
                condition=models.Q(status="active"),
                name="one_active_version_per_policy",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.policy.name} v{self.number} ({self.get_status_display().lower()})"

    def save(self, *args, update_fields=None, **kwargs):
        if self.pk is not None and not self._state.adding:
            if update_fields is None or not set(update_fields) <= STATUS_FIELDS:
                raise ImmutableVersion(f"{self} is saved; save a new version instead")
        super().save(*args, update_fields=update_fields, **kwargs)

    @cached_property
    def parsed(self):
        """The definition as checked dataclasses (raises DefinitionInvalid if it is not valid)."""

        return parse_definition(self.definition)


class OfficerJudgement(models.Model):
    """An officer's judgement of one criterion for one school, with its evidence. The latest
    one made on or before a round's date is the one a policy reads; older ones are its
    history. A judgement is never changed: a new one is recorded instead."""

    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.CASCADE, related_name="officer_judgements"
    )
    criterion = models.CharField(max_length=60)
    value = models.CharField(max_length=40)
    evidence = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField()
    judged_on = models.DateField(help_text="The date the judgement was made")
    import_run = models.ForeignKey(
        "imports.ImportRun",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The upload it came from, if any",
    )

    class Meta:
        ordering = ["establishment", "criterion", "-judged_on", "-recorded_at", "-id"]
        indexes = [
            models.Index(
                fields=["establishment", "criterion", "-recorded_at"], name="judgement_latest"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value} (URN {self.establishment.urn})"


class Term(models.TextChoices):
    AUTUMN = "autumn", "Autumn (September)"
    SPRING = "spring", "Spring (December or January)"
    SUMMER = "summer", "Summer (April)"


class RoundStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    REVIEWED = "reviewed", "Reviewed"
    MODERATED = "moderated", "Moderated"
    PUBLISHED = "published", "Published"


class Round(models.Model):
    """One termly categorisation of an LA's schools, e.g. '2026-autumn'."""

    la = models.ForeignKey(
        "schools.LocalAuthority", on_delete=models.PROTECT, related_name="categorisation_rounds"
    )
    code = models.CharField(max_length=20, help_text="e.g. 2026-autumn")
    term = models.CharField(max_length=6, choices=Term.choices)
    as_at = models.DateField(help_text="The date the evidence is read at")
    policy_version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=10, choices=RoundStatus.choices, default=RoundStatus.PROPOSED
    )
    version = models.PositiveIntegerField(default=1, help_text="For optimistic locking")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["la", "-as_at"]
        constraints = [models.UniqueConstraint(fields=["la", "code"], name="uniq_round_code")]

    def __str__(self) -> str:
        return f"{self.la.name} {self.code}"


class Decision(models.TextChoices):
    UNDECIDED = "", "Not yet decided"
    ACCEPTED = "accepted", "Accepted"
    OVERRIDDEN = "overridden", "Overridden"


class SchoolCategorisation(models.Model):
    """A school's category in a round: the policy's proposal with its rationale, then the
    officer's decision. `version` goes up with every change, so that a save made from a
    stale page can be refused (optimistic locking)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="categorisations")
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="categorisations"
    )
    proposed_category = models.CharField(max_length=20)
    rationale = models.JSONField(default=dict)
    proposed_at = models.DateTimeField()
    final_category = models.CharField(max_length=20, blank=True)
    decision = models.CharField(
        max_length=10, choices=Decision.choices, blank=True, default=Decision.UNDECIDED
    )
    override_reason = models.TextField(blank=True)
    override_evidence = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["round", "establishment__name"]
        indexes = [  # the round page counts decisions from the index, not the wide rows
            models.Index(fields=["round", "decision"], name="round_decision_idx")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "establishment"], name="uniq_round_establishment"
            ),
            models.CheckConstraint(
                condition=~models.Q(decision="overridden") | ~models.Q(override_reason=""),
                name="override_needs_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round} URN {self.establishment.urn}: {self.category}"

    @property
    def category(self) -> str:
        """The category that stands: the decided one, else the proposal."""
        return self.final_category or self.proposed_category


# The round workflow after the proposals: the board's moderation, publication and
# re-categorisation between rounds.


class BoardOutcome(models.TextChoices):
    AGREED = "agreed", "Agreed"
    REFERRED_BACK = "referred_back", "Referred back"


class BoardMeeting(models.Model):
    """A board meeting that moderated a round: who was there, the minutes and its decision.
    Schools referred back return to review."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="board_meetings")
    held_on = models.DateField()
    members_present = models.TextField()
    minutes = models.TextField()
    outcome = models.CharField(max_length=13, choices=BoardOutcome.choices)
    comment = models.TextField(blank=True)
    referred = models.ManyToManyField(SchoolCategorisation, blank=True, related_name="referrals")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["round", "-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.round} board on {self.held_on}: {self.get_outcome_display().lower()}"


class Publication(models.Model):
    """When a round was published: its categories became each school's current category."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="publication")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.round} published {self.published_at:%Y-%m-%d}"


class CategoryChange(models.Model):
    """A school re-categorised between rounds on new evidence. The LA's judgement stands,
    with its evidence, until a later round is published."""

    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, related_name="category_changes"
    )
    policy_version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="+")
    previous_category = models.CharField(max_length=20, blank=True)
    category = models.CharField(max_length=20)
    reason = models.TextField()
    evidence = models.TextField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["establishment", "-changed_at", "-id"]

    def __str__(self) -> str:
        return f"URN {self.establishment.urn} re-categorised {self.category}"


class BodyOutcome(models.TextChoices):
    AGREED = "agreed", "Agreed"
    REFERRED = "referred", "Referred back"


class BodyDecision(models.Model):
    """A body's decision on one school's category in a round (a consortium or partnership
    board given that role, deciding by a vote in its meeting): agreed, which accepts the
    proposal, or referred back to the officers for review. `source` names the record the
    decision came from (the meeting), in words."""

    categorisation = models.ForeignKey(
        SchoolCategorisation, on_delete=models.CASCADE, related_name="body_decisions"
    )
    body = models.CharField(max_length=200)
    held_on = models.DateField()
    outcome = models.CharField(max_length=8, choices=BodyOutcome.choices)
    source = models.CharField(max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["categorisation", "-held_on", "-id"]

    def __str__(self) -> str:
        verb = "agreed" if self.outcome == BodyOutcome.AGREED else "referred back"
        return f"{verb.capitalize()} by {self.body} on {self.held_on.day} {self.held_on:%B %Y}"
