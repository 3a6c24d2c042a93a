"""API tokens: one user's key to the JSON API, stored only as a SHA-256 hash."""

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, blank=True, help_text="What the token is for")
    token_hash = models.CharField("SHA-256 of the token", max_length=64, unique=True)
    prefix = models.CharField(
        max_length=12, db_index=True, help_text="The token's first characters, to recognise it"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user.get_username()})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
