"""Inspections on every Ofsted framework since 2009, in one model."""

from django.db import models

from uplift.inspections import frameworks


class InspectionKind(models.TextChoices):
    GRADED = "graded", "Graded (full) inspection"
    UNGRADED = "ungraded", "Ungraded inspection"
    MONITORING = "monitoring", "Monitoring inspection"
    REPORT_CARD = "report_card", "Report card inspection"


class CategoryOfConcern(models.TextChoices):
    NONE = "", "None"
    SPECIAL_MEASURES = "special_measures", "Special measures"
    SERIOUS_WEAKNESSES = "serious_weaknesses", "Serious weaknesses"
    NOTICE_TO_IMPROVE = "notice_to_improve", "Notice to improve"
    REQUIRES_SIGNIFICANT_IMPROVEMENT = (
        "requires_significant_improvement",
        "Requires significant improvement",
    )


class Safeguarding(models.TextChoices):
    UNKNOWN = "", "Not recorded"
    MET = "met", "Met"
    NOT_MET = "not_met", "Not met"
    EFFECTIVE = "effective", "Effective"
    NOT_EFFECTIVE = "not_effective", "Not effective"


class InspectionSource(models.TextChoices):
    OFSTED_MI = "ofsted_mi", "Ofsted management information"
    PERFORMANCE_TABLES = "performance_tables", "Ofsted columns of DfE performance tables"
    GIAS = "gias", "Get Information About Schools"
    HISTORY = "ofsted_history", "Ofsted inspection history"
    MANUAL = "manual", "Entered in Uplift"


class Inspection(models.Model):
    establishment = models.ForeignKey(
        "schools.Establishment", on_delete=models.CASCADE, related_name="inspections"
    )
    inspection_number = models.CharField(max_length=20, blank=True)
    framework = models.CharField(max_length=10, choices=frameworks.CHOICES)
    kind = models.CharField(max_length=12, choices=InspectionKind.choices)
    type_text = models.CharField("inspection type as published", max_length=80, blank=True)
    start_date = models.DateField(db_index=True)
    publication_date = models.DateField(null=True, blank=True)
    overall_grade = models.PositiveSmallIntegerField(null=True, blank=True)
    outcome = models.CharField("outcome as published", max_length=120, blank=True)
    category_of_concern = models.CharField(
        max_length=40, choices=CategoryOfConcern.choices, blank=True, default=""
    )
    safeguarding = models.CharField(
        max_length=16, choices=Safeguarding.choices, blank=True, default=""
    )
    urn_at_inspection = models.PositiveIntegerField(null=True, blank=True)
    laestab_at_inspection = models.CharField(max_length=7, blank=True)
    name_at_inspection = models.CharField(max_length=200, blank=True)
    type_at_inspection = models.CharField(max_length=100, blank=True)
    source = models.CharField(max_length=20, choices=InspectionSource.choices)
    import_run = models.ForeignKey(
        "imports.ImportRun", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["establishment", "-start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["establishment", "inspection_number"],
                condition=~models.Q(inspection_number=""),
                name="uniq_inspection_number",
            ),
            models.UniqueConstraint(
                fields=["establishment", "start_date", "kind", "source"],
                condition=models.Q(inspection_number=""),
                name="uniq_unnumbered_inspection",
            ),
            models.CheckConstraint(
                condition=models.Q(overall_grade__isnull=True)
                | models.Q(overall_grade__gte=1, overall_grade__lte=4),
                name="overall_grade_1_to_4",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of URN {self.urn_at_inspection} on {self.start_date}"

    @property
    def framework_info(self) -> frameworks.Framework:
        return frameworks.framework(self.framework)

    @property
    def overall_label(self) -> str:
        return frameworks.four_point_label(self.overall_grade, self.start_date)


class Judgement(models.Model):
    """One area's grade, on the scale of the inspection's framework."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    area = models.CharField(max_length=50)
    grade = models.CharField(max_length=24)
    grade_rank = models.PositiveSmallIntegerField()
    graded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["inspection", "id"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "area"], name="uniq_judgement_area")
        ]

    @property
    def area_label(self) -> str:
        area = self.inspection.framework_info.area(self.area)
        return area.label if area else self.area

    @property
    def grade_label(self) -> str:
        grade = self.inspection.framework_info.grade(self.grade)
        return grade.label if grade else self.grade
