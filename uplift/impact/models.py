"""What Uplift keeps about the impact of support: the outcome measures chosen for each piece
of support, and the findings saved for the track records of providers, leaders and advisers.
A piece of support is named by its kind and id (a deployment, a commission, a support cycle,
a concern case or a grant award), since it lives in a lower app."""

from django.conf import settings
from django.db import models


class PieceKind(models.TextChoices):
    DEPLOYMENT = "deployment", "School-to-school support"
    COMMISSION = "commission", "Commission"
    CYCLE = "cycle", "Support cycle"
    CASE = "case", "Concern case"
    GRANT = "grant", "Grant"


class MeasureChoice(models.Model):
    """The outcome measures chosen for one piece of support (defaults by kind until chosen)."""

    kind = models.CharField(max_length=12, choices=PieceKind.choices)
    piece_id = models.PositiveIntegerField()
    measures = models.JSONField(default=list)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    chosen_at = models.DateTimeField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "piece_id"], name="one_measure_choice")
        ]

    def __str__(self) -> str:
        return f"Measures for {self.get_kind_display()} {self.piece_id}"


class Finding(models.Model):
    """One measure's before-and-after for a piece of support against its comparison group,
    saved so that track records and brokerage read it in one query."""

    kind = models.CharField(max_length=12, choices=PieceKind.choices)
    piece_id = models.PositiveIntegerField()
    measure = models.CharField(max_length=40)
    schools = models.PositiveIntegerField(help_text="Supported schools with before and after")
    change = models.DecimalField(max_digits=10, decimal_places=3, null=True, blank=True)
    comparison_change = models.DecimalField(max_digits=10, decimal_places=3, null=True, blank=True)
    # The difference in differences, signed so that more than nought is better.
    gain = models.DecimalField(max_digits=10, decimal_places=3, null=True, blank=True)
    matches = models.PositiveIntegerField(default=0)
    enough = models.BooleanField(default=False)
    computed_at = models.DateTimeField()

    class Meta:
        ordering = ["kind", "piece_id", "measure"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "piece_id", "measure"], name="one_finding")
        ]
        indexes = [models.Index(fields=["kind", "piece_id"])]

    def __str__(self) -> str:
        return f"{self.measure} for {self.get_kind_display()} {self.piece_id}"
