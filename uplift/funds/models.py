"""Funds and their ledger: who holds money for school improvement, where it came from, and
every movement of it as a ledger entry in integer pence.

Each entry's `amount_pence` is signed by its effect on what the fund has left to commit:
a contribution adds, a commitment reserves (negative), a release gives back an unspent part
of a commitment (positive), a payment spends (negative). A payment against a commitment is
written as a release of that part of the commitment and a payment, so the two balance and
the commitment's outstanding amount falls. Balances are sums of entries, never stored.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q


class OwnerKind(models.TextChoices):
    LA = "la", "The local authority"
    PARTNERSHIP = "partnership", "A partnership of schools"
    CONSORTIUM = "consortium", "A consortium"


class Source(models.TextChoices):
    LA_BUDGET = "la_budget", "LA budget"
    DSG_TOP_SLICE = "dsg_top_slice", "Dedicated Schools Grant top-slice agreed by the Schools Forum"
    POOLED = "pooled", "Pooled contributions from member schools"
    GRANT = "grant", "A grant"


class Fund(models.Model):
    """Money held for school improvement in one financial year (April to March)."""

    la = models.ForeignKey("schools.LocalAuthority", on_delete=models.PROTECT, related_name="funds")
    name = models.CharField(max_length=160)
    owner_name = models.CharField(max_length=160, help_text="Who holds the fund")
    owner_kind = models.CharField(max_length=20, choices=OwnerKind.choices)
    source = models.CharField(max_length=20, choices=Source.choices)
    source_note = models.CharField(
        max_length=300, blank=True, help_text="e.g. when the Schools Forum agreed the top-slice"
    )
    financial_year = models.CharField(max_length=7, help_text="e.g. 2026-27 (April to March)")
    is_sample = models.BooleanField(default=False, help_text="Sample data, not a real fund")
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-financial_year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["la", "name", "financial_year"], name="uniq_fund_name_year"
            )
        ]
        permissions = [
            ("manage_finance", "Can see and keep funds, commissions, grants and traded services")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.financial_year}"


class RingFence(models.Model):
    """A part of a fund kept for one purpose (for example primary or secondary schools)."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="ring_fences")
    name = models.CharField(max_length=80)

    class Meta:
        ordering = ["fund", "name"]
        constraints = [
            models.UniqueConstraint(fields=["fund", "name"], name="uniq_ring_fence_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} ring-fence of {self.fund}"


class EntryKind(models.TextChoices):
    CONTRIBUTION = "contribution", "Contribution"
    COMMITMENT = "commitment", "Commitment"
    RELEASE = "release", "Release"
    PAYMENT = "payment", "Payment"


ADDS = (EntryKind.CONTRIBUTION, EntryKind.RELEASE)
TAKES = (EntryKind.COMMITMENT, EntryKind.PAYMENT)


class LedgerEntry(models.Model):
    """One movement of money in a fund; never changed or deleted once written."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="entries")
    ring_fence = models.ForeignKey(
        RingFence, on_delete=models.PROTECT, null=True, blank=True, related_name="entries"
    )
    kind = models.CharField(max_length=20, choices=EntryKind.choices)
    amount_pence = models.BigIntegerField(help_text="Signed by its effect on the balance")
    dated = models.DateField()
    establishment = models.ForeignKey(
        "schools.Establishment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_entries",
        help_text="The school that contributed, or that the money is for",
    )
    commitment = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="drawn",
        help_text="The commitment a release or payment draws on",
    )
    purpose_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    purpose_id = models.PositiveBigIntegerField(null=True, blank=True)
    purpose = GenericForeignKey("purpose_type", "purpose_id")
    description = models.CharField(max_length=300, help_text="What the money is for, in words")
    reason = models.TextField()
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["dated", "id"]
        indexes = [models.Index(fields=["purpose_type", "purpose_id"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind__in=ADDS) & Q(amount_pence__gt=0))
                | (Q(kind__in=TAKES) & Q(amount_pence__lt=0)),
                name="ledger_sign_matches_kind",
            ),
            models.CheckConstraint(
                condition=~Q(kind=EntryKind.RELEASE) | Q(commitment__isnull=False),
                name="release_names_commitment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {abs(self.amount_pence)} pence: {self.description}"
