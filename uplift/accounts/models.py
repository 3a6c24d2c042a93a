"""Who a user is in Uplift: the roles granted to them (each with the LA, school, board or
schools it applies to), their primary role (Profile, which older pages read) and the
invitations that let a new person set a password."""

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", "System administrator"
    LA_ADMIN = "la_admin", "LA administrator"
    LA_OFFICER = "la_officer", "LA officer"
    DATA_OFFICER = "data_officer", "Data officer"
    ADVISER = "adviser", "School improvement adviser"
    HEADTEACHER = "headteacher", "Headteacher"
    CHAIR_OF_GOVERNORS = "chair", "Chair of governors"
    BOARD_MEMBER = "board_member", "Board member"
    REGIONAL_VIEWER = "regional_viewer", "DfE or regional viewer"


class Profile(models.Model):
    """The user's primary role. Every role a user holds, this one included, is a RoleGrant
    (kept in step by accounts.signals); access rules read the grants."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    la = models.ForeignKey(
        "schools.LocalAuthority",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The LA an officer, data officer or adviser works for",
    )
    establishment = models.ForeignKey(
        "schools.Establishment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The school of a headteacher or chair of governors",
    )
    group = models.ForeignKey(
        "schools.SchoolGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The partnership a board member sits on",
    )
    assigned_establishments = models.ManyToManyField(
        "schools.Establishment",
        blank=True,
        related_name="assigned_advisers",
        help_text="The schools an adviser works with",
    )

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.get_role_display()})"

    @property
    def can_import(self) -> bool:
        return self.role in {Role.DATA_OFFICER, Role.SYSTEM_ADMIN}


class RoleGrant(models.Model):
    """One role held by a user, and what it reaches: the LA of an LA administrator, officer,
    data officer or adviser; the school of a headteacher or chair; the board of a board
    member; the schools assigned to an adviser."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_grants"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    primary = models.BooleanField(
        default=False, help_text="The grant that mirrors the user's Profile"
    )
    la = models.ForeignKey(
        "schools.LocalAuthority", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    group = models.ForeignKey(
        "schools.SchoolGroup", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    schools = models.ManyToManyField(
        "schools.Establishment", blank=True, related_name="adviser_grants"
    )
    caseload = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How many schools an adviser can support"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-primary", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(primary=True), name="one_primary_grant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} for {self.user.get_full_name() or self.user.email}"

    @property
    def can_import(self) -> bool:
        return self.role in {Role.DATA_OFFICER, Role.SYSTEM_ADMIN}


class Invitation(models.Model):
    """A one-time link sent by email that lets an invited person set their password. Only
    a hash of the token is stored; the link works once and until it expires."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    la = models.ForeignKey(
        "schools.LocalAuthority", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Invitation for {self.user.email}"
