"""Who a user is in Uplift: one role, and the LA, school or group it applies to."""

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", "System administrator"
    LA_OFFICER = "la_officer", "LA officer"
    DATA_OFFICER = "data_officer", "Data officer"
    ADVISER = "adviser", "School improvement adviser"
    HEADTEACHER = "headteacher", "Headteacher"
    CHAIR_OF_GOVERNORS = "chair", "Chair of governors"
    BOARD_MEMBER = "board_member", "Board member"
    REGIONAL_VIEWER = "regional_viewer", "DfE or regional viewer"


class Profile(models.Model):
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
