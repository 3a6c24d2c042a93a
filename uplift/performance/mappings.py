"""Mappings: how a school-level file's columns become catalogue measures (`uplift import measures`).

A mapping is a small TOML file:

    label = "KS2 key measures, 2015-16 and 2016-17"
    urn_column = "URN"                # the default
    no_school = ["nan"]               # URN cells that mean "no school": rows skipped, counted

    [year]
    column = "Academic Year"          # or: fixed = "2016-17"
    means = "ending"                  # 2016 is 2015-16 ("starting": 2016 is 2016-17)

    [[measures]]
    column = "Reading Meet Std"
    measure = "ks2.PTREAD_EXP"        # a measure of the catalogue (performance/catalogue.py)
    unit = "percent"                  # must be the measure's own unit
    transform = "number"              # number (the default; '72%' is 72), fraction (0.72
                                      # is 72), or pence (pence to pounds)

Shipped mappings are in data/mappings/ and are named without `.toml`; any other is a path
ending in `.toml`. Every problem is a MappingError naming the file, the key and why.
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from uplift.performance.catalogue import BY_CODE, MeasureSpec

SHIPPED = Path(__file__).parent / "data" / "mappings"
TRANSFORMS = ("number", "fraction", "pence")
YEAR_MEANINGS = ("ending", "starting")
YEAR_PATTERN = re.compile(r"((?:19|20)[0-9]{2})[-/]([0-9]{2})")
TOP_KEYS = {"label", "urn_column", "no_school", "year", "measures"}
MEASURE_KEYS = {"column", "measure", "unit", "transform"}
MAX_MAPPING_BYTES = 100_000


class MappingError(ValueError):
    def __init__(self, file_name: str, key: str, reason: str):
        self.file_name, self.key, self.reason = file_name, key, reason
        super().__init__(f"{file_name}: {key}: {reason}" if key else f"{file_name}: {reason}")


@dataclass(frozen=True)
class MappedMeasure:
    column: str
    spec: MeasureSpec
    transform: str
    key: str  # where it is in the mapping, for messages: 'measures[2]'


@dataclass(frozen=True)
class Mapping:
    name: str
    file_name: str
    label: str
    urn_column: str
    no_school: frozenset[str]
    year_column: str
    year_means: str
    fixed_year: str
    measures: tuple[MappedMeasure, ...]


def shipped_names() -> list[str]:
    return sorted(path.stem for path in SHIPPED.glob("*.toml"))


def find_mapping(name: str, *, shipped_only: bool = False) -> Path:
    """The file of a shipped mapping's name, or a path to a .toml file."""
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        path = SHIPPED / f"{name}.toml"
        if path.is_file():
            return path
        raise MappingError(
            name, "", f"no shipped mapping has this name (there are: {', '.join(shipped_names())})"
        )
    if shipped_only:
        raise MappingError(name, "", "only a shipped mapping can be named here")
    path = Path(name)
    if path.suffix.lower() != ".toml":
        raise MappingError(path.name, "", "a mapping is a shipped name or a file ending .toml")
    if not path.is_file():
        raise MappingError(path.name, "", "no such mapping file")
    return path


def load_mapping(name: str, *, shipped_only: bool = False) -> Mapping:
    path = find_mapping(name, shipped_only=shipped_only)
    file_name = path.name
    if path.stat().st_size > MAX_MAPPING_BYTES:
        raise MappingError(file_name, "", "longer than a mapping can be (100 KB)")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise MappingError(file_name, "", "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(file_name, "", f"not valid TOML ({exc})") from None
    return _mapping(path.stem, file_name, data)


def _mapping(name: str, file_name: str, data: dict) -> Mapping:
    def fail(key: str, reason: str):
        raise MappingError(file_name, key, reason)

    unknown = sorted(set(data) - TOP_KEYS)
    if unknown:
        fail(unknown[0], f"not a key a mapping has ({', '.join(sorted(TOP_KEYS))})")
    label = _text(data, "label", fail, required=False) or name
    urn_column = _text(data, "urn_column", fail, required=False) or "URN"
    no_school = data.get("no_school", [])
    if not isinstance(no_school, list) or not all(isinstance(v, str) for v in no_school):
        fail("no_school", 'must be a list of texts, such as ["nan"]')
    year = data.get("year")
    if not isinstance(year, dict):
        fail("year", "missing: a [year] table with a column or a fixed year")
    year_column, fixed, means = _year(year, fail)
    rows = data.get("measures")
    if not isinstance(rows, list) or not rows:
        fail("measures", "missing: at least one [[measures]] table")
    measures = tuple(_measure(f"measures[{n}]", row, fail) for n, row in enumerate(rows, 1))
    seen: dict[str, str] = {}
    for mapped in measures:
        if mapped.spec.code in seen:
            fail(f"{mapped.key}.measure", f"{mapped.spec.code} is already {seen[mapped.spec.code]}")
        seen[mapped.spec.code] = f"mapped by {mapped.key}"
    return Mapping(
        name, file_name, label, urn_column, frozenset(no_school), year_column, means, fixed,
        measures,
    )  # fmt: skip


def _text(data: dict, key: str, fail, *, required: bool = True, prefix: str = "") -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        fail(f"{prefix}{key}", "missing or not a text" if value is None else "must be a text")
    return value.strip()


def _year(year: dict, fail) -> tuple[str, str, str]:
    unknown = sorted(set(year) - {"column", "fixed", "means"})
    if unknown:
        fail(f"year.{unknown[0]}", "not a key of [year] (column, fixed, means)")
    if ("column" in year) == ("fixed" in year):
        fail("year", "give either column (the file's year column) or fixed (as 2016-17)")
    if "fixed" in year:
        fixed = _text(year, "fixed", fail, prefix="year.")
        if academic_year(fixed, "ending") is None:
            fail("year.fixed", f"{fixed!r} is not an academic year such as 2016-17")
        return "", academic_year(fixed, "ending"), ""
    means = year.get("means", "ending")
    if means not in YEAR_MEANINGS:
        fail("year.means", f"must be one of {', '.join(YEAR_MEANINGS)}")
    return _text(year, "column", fail, prefix="year."), "", means


def _measure(key: str, row, fail) -> MappedMeasure:
    if not isinstance(row, dict):
        fail(key, "must be a table with column, measure and unit")
    unknown = sorted(set(row) - MEASURE_KEYS)
    if unknown:
        fail(f"{key}.{unknown[0]}", f"not a key of a measure ({', '.join(sorted(MEASURE_KEYS))})")
    column = _text(row, "column", fail, prefix=f"{key}.")
    code = _text(row, "measure", fail, prefix=f"{key}.")
    spec = BY_CODE.get(code)
    if spec is None:
        fail(f"{key}.measure", f"{code!r} is not a measure of Uplift's catalogue")
    unit = _text(row, "unit", fail, prefix=f"{key}.")
    if unit != spec.unit:
        fail(f"{key}.unit", f"{code} is measured in {spec.unit}, not {unit!r}")
    transform = row.get("transform", "number")
    if transform not in TRANSFORMS:
        fail(f"{key}.transform", f"{transform!r} is not one of {', '.join(TRANSFORMS)}")
    if transform == "pence" and spec.unit != "pounds":
        fail(f"{key}.transform", "pence is for measures in pounds")
    if transform == "fraction" and spec.unit != "percent":
        fail(f"{key}.transform", "fraction is for measures in per cent")
    return MappedMeasure(column, spec, transform, key)


def academic_year(text: str, means: str) -> str | None:
    """'2016-17', '2016/17' -> '2016-17'; '2016' -> '2015-16' (ending) or '2016-17' (starting).
    None when the text is no academic year."""
    text = text.strip().removesuffix(".0")
    found = YEAR_PATTERN.fullmatch(text)
    if found:
        start, end = int(found[1]), int(found[2])
        return f"{start}-{end:02d}" if (start + 1) % 100 == end else None
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        return None
    year = int(text)
    if not 1990 <= year <= 2100:
        return None
    start = year - 1 if means == "ending" else year
    return f"{start}-{(start + 1) % 100:02d}"
