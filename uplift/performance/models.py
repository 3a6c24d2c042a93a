"""Performance measures and their results per school, LA, region or England."""

from django.db import models

from uplift.imports.suppression import meaning


class Dataset(models.TextChoices):
    KS2 = "ks2", "Key stage 2"
    KS4 = "ks4", "Key stage 4"
    CENSUS = "census", "School census"
    ABSENCE = "absence", "Absence"
    LAIT = "lait", "LA Interactive Tool"
    CFR = "cfr", "School finance (consistent financial reporting)"


class Unit(models.TextChoices):
    PERCENT = "percent", "Per cent"
    SCORE = "score", "Score"
    COUNT = "count", "Count"
    RATE = "rate", "Rate"
    POUNDS = "pounds", "Pounds"
    OTHER = "other", "Other"


class Polarity(models.TextChoices):
    HIGHER_IS_BETTER = "high", "Higher is better"
    LOWER_IS_BETTER = "low", "Lower is better"
    NEUTRAL = "neutral", "Neither"


class Level(models.TextChoices):
    SCHOOL = "school", "School"
    LA = "la", "Local authority"
    REGION = "region", "Region"
    ENGLAND = "england", "England"


class Measure(models.Model):
    code = models.CharField(max_length=80, unique=True)
    dataset = models.CharField(max_length=10, choices=Dataset.choices)
    source_column = models.CharField(max_length=80)
    label = models.CharField(max_length=300)
    key_stage = models.CharField(max_length=20, blank=True)
    topic = models.CharField(max_length=80, blank=True)
    unit = models.CharField(max_length=10, choices=Unit.choices, default=Unit.OTHER)
    polarity = models.CharField(max_length=8, choices=Polarity.choices, default=Polarity.NEUTRAL)
    decimal_places = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["dataset", "code"]

    def __str__(self) -> str:
        return f"{self.label} ({self.code})"


class Result(models.Model):
    """One measure's value for one subject in one academic year.

    `value` is None when the file gave no number; `suppression` then holds the code
    the file gave (SUPP, NE, x ...). `subject_key` names the subject in one string
    (`urn:117083`, `la:919`, `region:East of England`, `england`) so that a result is
    unique without relying on how databases treat NULL in unique constraints.
    """

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="results")
    academic_year = models.CharField(max_length=9, db_index=True)
    level = models.CharField(max_length=8, choices=Level.choices)
    subject_key = models.CharField(max_length=120)
    segment = models.CharField(
        max_length=40, blank=True, help_text="e.g. PRI, SEC, SPE, state-funded, all schools"
    )
    establishment = models.ForeignKey(
        "schools.Establishment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="results",
    )
    la = models.ForeignKey(
        "schools.LocalAuthority",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="results",
    )
    region = models.CharField(max_length=80, blank=True)
    value = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    suppression = models.CharField(max_length=10, blank=True)
    import_run = models.ForeignKey(
        "imports.ImportRun", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "academic_year", "subject_key", "segment"],
                name="uniq_result",
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=False) | ~models.Q(suppression=""),
                name="result_value_or_code",
            ),
        ]
        indexes = [models.Index(fields=["establishment", "measure", "academic_year"])]

    @property
    def suppression_meaning(self) -> str:
        return meaning(self.suppression) if self.suppression else ""
