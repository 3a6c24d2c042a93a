"""The columns of Ofsted's "Management information - state-funded schools", edition by edition.

Two families of edition are read:

* report-card editions (from November 2025, 85 columns): the latest full inspection as a
  report card, the latest graded inspection under the older frameworks (`Latest OEIF ...`)
  and the latest ungraded inspection;
* education inspection framework editions (2019 to 2025): the latest and the previous full
  (later "graded") inspection and the latest ungraded (earlier "section 8" or "short")
  inspection.

Column names changed between editions, so each field lists every name it has had; the first
that a file's header holds is the one read.
"""

from dataclasses import dataclass, field

Names = tuple[str, ...]

FOUR_POINT = "four_point"  # 1 outstanding .. 4 inadequate
REPORT_CARD = "report_card"  # exceptional .. urgent improvement

EFFECTIVE = "effective"  # "Safeguarding is effective?" Yes / No
STANDARDS = "standards"  # "Safeguarding standards" Met / Not met

FULL = "full"  # a report card from 10 November 2025, else a graded inspection
GRADED = "graded"
UNGRADED = "ungraded"


@dataclass(frozen=True)
class AreaColumn:
    """One judgement area's grade column (and, on report cards, the date it was graded)."""

    area: str  # the area's code in uplift.inspections.frameworks
    names: Names
    scale: str = FOUR_POINT
    date_names: Names = ()


@dataclass(frozen=True)
class Block:
    """The columns that describe one of the inspections a row carries."""

    role: str
    kind: str
    number: Names
    start: Names
    publication: Names = ()
    type_text: Names = ()
    urn_at: Names = ()
    laestab_at: Names = ()
    name_at: Names = ()
    type_at: Names = ()
    category: Names = ()
    overall: Names = ()
    safeguarding: Names = ()
    safeguarding_scale: str = EFFECTIVE
    outcome: Names = ()
    areas: tuple[AreaColumn, ...] = ()


@dataclass(frozen=True)
class Edition:
    code: str
    label: str
    markers: Names  # the edition is recognised by any one of these columns
    blocks: tuple[Block, ...]


def _at_time(*inspections: str) -> dict[str, Names]:
    """The 'URN at time of ...' family of columns for the inspection(s) named."""
    return {
        "urn_at": tuple(f"URN at time of {i}" for i in inspections),
        "laestab_at": tuple(f"LAESTAB at time of {i}" for i in inspections),
        "name_at": tuple(f"School name at time of {i}" for i in inspections),
        "type_at": tuple(f"School type at time of {i}" for i in inspections),
    }


def _four_point_areas(prefix: str = "") -> tuple[AreaColumn, ...]:
    """Education inspection framework areas (and the common inspection framework's, which
    editions up to 2019 carried), as named after an optional prefix ('Previous ')."""

    def named(*names: str) -> Names:
        return tuple(prefix + (n[0].lower() + n[1:] if prefix else n) for n in names)

    return (
        AreaColumn("quality_of_education", named("Quality of education")),
        AreaColumn("behaviour_attitudes", named("Behaviour and attitudes")),
        AreaColumn("personal_development", named("Personal development")),
        AreaColumn("leadership_management", named("Effectiveness of leadership and management")),
        AreaColumn("early_years", named("Early years provision (where applicable)")),
        AreaColumn("sixth_form", named("Sixth form provision (where applicable)")),
        AreaColumn(
            "teaching_learning_assessment", named("Quality of teaching, learning and assessment")
        ),
        AreaColumn(
            "personal_development_behaviour_welfare",
            named("Personal development, behaviour and welfare"),
        ),
        AreaColumn("outcomes", named("Outcomes for pupils", "Outcomes for children and learners")),
        AreaColumn(
            "sixteen_to_nineteen",
            named("16 to 19 study programmes", "16 to 19 study programmes (where applicable)"),
        ),
    )


def _report_card_area(area: str, name: str, date_stem: str = "") -> AreaColumn:
    return AreaColumn(area, (name,), REPORT_CARD, (f"{date_stem or name} - date of grade",))


REPORT_CARD_LATEST = Block(
    role="latest full inspection",
    kind=FULL,
    number=("Inspection number of latest full inspection",),
    start=("Inspection start date",),
    publication=("Publication date",),
    type_text=("Inspection type",),
    category=("Category of concern",),
    safeguarding=("Safeguarding standards",),
    safeguarding_scale=STANDARDS,
    areas=(
        _report_card_area("inclusion", "Inclusion"),
        _report_card_area("curriculum_teaching", "Curriculum and teaching"),
        _report_card_area("achievement", "Achievement"),
        _report_card_area("attendance_behaviour", "Attendance and behaviour"),
        _report_card_area("personal_development_wellbeing", "Personal development and wellbeing"),
        _report_card_area("leadership_governance", "Leadership and governance"),
        _report_card_area("early_years", "Early years (where applicable)", "Early years"),
        _report_card_area("post_16", "Post-16 provision (where applicable)", "Post-16 provision"),
    ),
    **_at_time("latest full inspection"),
)

REPORT_CARD_OEIF = Block(
    role="latest OEIF graded inspection",
    kind=GRADED,
    number=("Inspection number of latest OEIF graded inspection",),
    start=("Inspection start date of latest OEIF graded inspection",),
    publication=("Publication date of latest OEIF graded inspection",),
    type_text=("Inspection type of latest OEIF graded inspection",),
    category=("Latest OEIF category of concern",),
    overall=("Latest OEIF overall effectiveness",),
    # The published header has two spaces after "OEIF" here.
    safeguarding=(
        "Latest OEIF  safeguarding is effective?",
        "Latest OEIF safeguarding is effective?",
    ),
    areas=_four_point_areas("Latest OEIF "),
    **_at_time("latest OEIF graded inspection"),
)

LATEST_UNGRADED = Block(
    role="latest ungraded inspection",
    kind=UNGRADED,
    number=(
        "Latest ungraded inspection number",
        "Latest ungraded inspection number since last graded inspection",
        "Latest ungraded inspection number since last full inspection",
        "Latest section 8 inspection number since last full inspection",
        "Latest short inspection number since last full inspection",
    ),
    start=(
        "Date of latest ungraded inspection",
        "Date of latest section 8 inspection",
        "Date of latest short inspection",
    ),
    publication=(
        "Ungraded inspection publication date",
        "Section 8 inspection publication date",
        "Short inspection publication date",
    ),
    outcome=(
        "Ungraded inspection overall outcome",
        "Section 8 inspection overall outcome",
        "Short inspection overall outcome",
    ),
    urn_at=(
        "URN at time of the ungraded inspection",
        "URN at time of the section 8 inspection",
        "URN at time of the short inspection",
    ),
    laestab_at=(
        "LAESTAB at time of the ungraded inspection",
        "LAESTAB at time of the section 8 inspection",
        "LAESTAB at time of the short inspection",
    ),
    name_at=(
        "School name at time of the ungraded inspection",
        "School name at time of the latest section 8 inspection",
        "School name at time of the latest short inspection",
    ),
    type_at=(
        "School type at time of the ungraded inspection",
        "School type at time of the latest section 8 inspection",
        "School type at time of the latest short inspection",
    ),
)

EIF_LATEST = Block(
    role="latest full inspection",
    kind=FULL,
    number=(
        "Inspection number of latest full inspection",
        "Inspection number of latest graded inspection",
    ),
    start=("Inspection start date", "Inspection date"),
    publication=("Publication date",),
    type_text=("Inspection type",),
    category=("Category of concern",),
    overall=("Overall effectiveness",),
    safeguarding=(
        "Safeguarding is effective?",
        "Is safeguarding effective?",
        "Safeguarding is effective",
    ),
    areas=_four_point_areas(),
    **_at_time("latest full inspection", "latest graded inspection"),
)

EIF_PREVIOUS = Block(
    role="previous full inspection",
    kind=GRADED,
    number=(
        "Previous full inspection number",
        "Previous graded inspection number",
        "Previous inspection number",
    ),
    start=("Previous inspection start date", "Previous full inspection date"),
    publication=("Previous publication date",),
    category=("Previous category of concern",),
    overall=(
        "Previous full inspection overall effectiveness",
        "Previous graded inspection overall effectiveness",
        "Previous overall effectiveness",
    ),
    safeguarding=("Previous safeguarding is effective?", "Previous is safeguarding effective?"),
    areas=_four_point_areas("Previous "),
    **_at_time("previous full inspection", "previous graded inspection"),
)

EDITIONS: tuple[Edition, ...] = (
    Edition(
        "report_cards",
        "report-card edition (from November 2025)",
        ("Inspection number of latest OEIF graded inspection", "Latest OEIF overall effectiveness"),
        (REPORT_CARD_LATEST, REPORT_CARD_OEIF, LATEST_UNGRADED),
    ),
    Edition(
        "eif",
        "education inspection framework edition (2019 to 2025)",
        ("Overall effectiveness", "Quality of education"),
        (EIF_LATEST, EIF_PREVIOUS, LATEST_UNGRADED),
    ),
)

SCHOOL_COLUMNS = {
    "urn": ("URN",),
    "laestab": ("LAESTAB",),
    "name": ("School name",),
    "type_name": ("Type of education",),
    "phase": ("Ofsted phase",),
    "la_name": ("Local authority",),
    "pupils": ("Total number of pupils", "Total pupils"),
    "postcode": ("Postcode",),
}


@dataclass
class Columns:
    """Names resolved against one file's header: each field's column, or None if absent."""

    header: frozenset[str]
    _cache: dict[Names, str | None] = field(default_factory=dict)

    def __call__(self, names: Names) -> str | None:
        if names not in self._cache:
            self._cache[names] = next((n for n in names if n in self.header), None)
        return self._cache[names]


def detect_edition(header: frozenset[str]) -> Edition | None:
    return next((e for e in EDITIONS if any(m in header for m in e.markers)), None)
