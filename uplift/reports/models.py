"""An LA's targets for its dashboards: a measure, a comparison and (usually) a value."""

from django.db import models


class TargetMeasure(models.TextChoices):
    SCHOOLS_GOOD_OR_BETTER = (
        "schools_good_or_better",
        "% of schools good or outstanding (latest overall grade)",
    )
    PUPILS_GOOD_OR_BETTER = (
        "pupils_good_or_better",
        "% of pupils in good or outstanding schools (latest overall grade)",
    )
    INDICATOR = "indicator", "The LA's figure for a performance or LAIT indicator"


class Comparison(models.TextChoices):
    AT_LEAST = "at_least", "At least"
    AT_MOST = "at_most", "At most"
    TOP_QUARTILE = "top_quartile", "In the top quartile of its statistical neighbours"


OFSTED_MEASURES = (TargetMeasure.SCHOOLS_GOOD_OR_BETTER, TargetMeasure.PUPILS_GOOD_OR_BETTER)


class ReportTarget(models.Model):
    la = models.ForeignKey(
        "schools.LocalAuthority", on_delete=models.CASCADE, related_name="report_targets"
    )
    name = models.CharField(max_length=200)
    measure = models.CharField(max_length=30, choices=TargetMeasure.choices)
    phase_group = models.CharField(
        max_length=12,
        blank=True,
        help_text="For the Ofsted measures: one reported phase, or blank for all of them",
    )
    indicator = models.ForeignKey(
        "performance.Measure",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="For an indicator target: the measure whose LA figure is compared",
    )
    academic_year = models.CharField(
        max_length=9, blank=True, help_text="For an indicator: blank means the latest year"
    )
    comparison = models.CharField(max_length=12, choices=Comparison.choices)
    value = models.DecimalField(
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="The figure to reach; none for the top quartile, which neighbours set",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["la", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["la", "name"], name="uniq_report_target_name"),
            models.CheckConstraint(
                condition=models.Q(comparison="top_quartile", value__isnull=True)
                | (~models.Q(comparison="top_quartile") & models.Q(value__isnull=False)),
                name="report_target_value_unless_quartile",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.la.code})"
