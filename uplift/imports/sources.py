"""Sources named as a person would: "DfE performance tables 2018/19, key stage 2" rather than
dfe_performance_tables_2018-19_ks2_subset_with_ofsted_scrape_hertfordshire_919.csv.

Each importer has words for what it reads; the year, month or date of an edition come from
the run's options or, failing them, from the file's name. A file name itself is never
returned: a source no rule knows is named by its importer's label, or "an imported file"."""

import re
from datetime import date

MONTHS = (
    "january february march april may june july august september october november december"
).split()
DATASETS = {
    "ks2": "key stage 2",
    "ks2final": "key stage 2",
    "ks4": "key stage 4",
    "ks4final": "key stage 4",
    "ks5": "16 to 18",
    "census": "school census",
    "absence": "pupil absence",
}
_YEAR = re.compile(r"(?<!\d)(20\d\d)[-_/](\d\d)(?!\d)")
_DAY = re.compile(r"(?<!\d)(20\d\d)(\d\d)(\d\d)(?!\d)")
_MONTH_YEAR = re.compile(r"(?i)(" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*[-_ ]?(20\d\d)")
_YEAR_MONTH = re.compile(r"(?<!\d)(20\d\d)-(\d\d)(?![\d-])")
_DATASET = re.compile(r"(?i)(?<![a-z])(ks2final|ks4final|ks2|ks4|ks5|census|absence)(?![a-z])")
_STEMS = (
    ("performance", re.compile(r"(?i)performance|ks2|ks4|census|absence")),
    ("neighbours", re.compile(r"(?i)neighbour")),
    ("lait", re.compile(r"(?i)lait|bds")),
    ("gias-links", re.compile(r"(?i)links")),
    ("gias", re.compile(r"(?i)gias|edubase|establishment")),
    ("ofsted", re.compile(r"(?i)ofsted|inspection|(?<![a-z])mi(?![a-z])")),
)


def academic_year_words(year: str) -> str:
    """ "2018-19" -> "2018/19"."""
    match = _YEAR.search(year or "")
    return f"{match[1]}/{match[2]}" if match else (year or "")


def _month_year(text: str) -> str:
    match = _MONTH_YEAR.search(text)
    if match:
        month = next(m for m in MONTHS if m.startswith(match[1].lower()))
        return f"{month.capitalize()} {match[2]}"
    match = _YEAR_MONTH.search(text)
    if match and 1 <= int(match[2]) <= 12:
        return f"{MONTHS[int(match[2]) - 1].capitalize()} {match[1]}"
    return ""


def _day(text: str) -> str:
    match = _DAY.search(text)
    if not match:
        return ""
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return ""
    return f"{day.day} {day:%B %Y}"


def guess_importer(file_name: str) -> str:
    return next((name for name, stem in _STEMS if stem.search(file_name or "")), "")


def describe_source(*, importer: str = "", file_name: str = "", options: dict | None = None) -> str:
    """The words for one imported file."""
    options = options or {}
    name = file_name or ""
    importer = importer or guess_importer(name)
    if importer == "performance":
        year = academic_year_words(options.get("year") or name)
        dataset = (options.get("dataset") or "").lower()
        if not dataset:
            match = _DATASET.search(name)
            dataset = match[1].lower() if match else ""
        words = "DfE performance tables"
        words += f" {year}" if year else ""
        return words + (f", {DATASETS[dataset]}" if dataset in DATASETS else "")
    if importer == "neighbours":
        edition = _month_year(options.get("edition") or "") or _month_year(name)
        return "LAIT statistical neighbours" + (f", {edition}" if edition else "")
    if importer == "lait":
        return "DfE LA Interactive Tool (LAIT) indicators"
    if importer == "gias":
        day = _day(name)
        return "Get Information About Schools (GIAS)" + (f", extract of {day}" if day else "")
    if importer == "gias-links":
        day = _day(name)
        return "GIAS establishment links" + (f", extract of {day}" if day else "")
    if importer == "ofsted":
        month = _month_year(name)
        return "Ofsted management information" + (f", {month}" if month else "")
    if importer == "judgements":
        return "officers' judgements uploaded from a file"
    return "an imported file"


def describe_run(run) -> str:
    """The words for an ImportRun (or anything with importer, file_name and options)."""
    return describe_source(
        importer=getattr(run, "importer", ""),
        file_name=getattr(run, "file_name", ""),
        options=getattr(run, "options", None) or {},
    )


def edition_words(edition: str) -> str:
    """A statistical-neighbours edition as stored (often the file's stem) in words."""
    if not edition:
        return ""
    month = _month_year(edition)
    if month:
        return f"LAIT statistical neighbours, {month}"
    return edition if " " in edition else edition.replace("_", " ")
