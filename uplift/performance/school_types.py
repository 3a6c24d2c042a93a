"""What a performance-tables row says about the kind of school, in the register's words.

KS2 and KS4 files give a type code (NFTYPE); census files give a type in words
(SCHOOLTYPE, e.g. 'State-funded primary'), which the register keeps as it is.
"""

from dataclasses import dataclass
from functools import cache

from uplift.schools.phases import phase_group

ACADEMIES = "Academies"
MAINTAINED = "Local authority maintained schools"
SPECIAL = "Special schools"
FREE = "Free Schools"
INDEPENDENT = "Independent schools"

# NFTYPE code -> (GIAS type of establishment, GIAS type group).
NFTYPE_NAMES: dict[str, tuple[str, str]] = {
    "AC": ("Academy sponsor led", ACADEMIES),
    "ACC": ("Academy converter", ACADEMIES),
    "ACS": ("Academy special sponsor led", SPECIAL),
    "ACCS": ("Academy special converter", SPECIAL),
    "CY": ("Community school", MAINTAINED),
    "CYS": ("Community special school", SPECIAL),
    "VA": ("Voluntary aided school", MAINTAINED),
    "VC": ("Voluntary controlled school", MAINTAINED),
    "FD": ("Foundation school", MAINTAINED),
    "FDS": ("Foundation special school", SPECIAL),
    "F": ("Free schools", FREE),
    "FS": ("Free schools special", SPECIAL),
    "UTC": ("University technical college", FREE),
    "STUDIO": ("Studio schools", FREE),
    "CTC": ("City technology college", INDEPENDENT),
    "IND": ("Other independent school", INDEPENDENT),
    "INDSS": ("Other independent special school", INDEPENDENT),
    "NMSS": ("Non-maintained special school", SPECIAL),
}

# The age phase a mainstream (RECTYPE 1) row of a key stage file implies.
KEY_STAGE_PHASES = {"ks2": "Primary", "ks4": "Secondary"}


@dataclass(frozen=True)
class SchoolKind:
    type_name: str = ""
    type_group: str = ""
    phase_hint: str = ""  # used to place the school in a phase group, not stored

    @property
    def phase_group(self) -> str:
        return _phase_group(self.type_name, self.type_group, self.phase_hint)


@cache
def _phase_group(type_name: str, type_group: str, phase: str) -> str:
    # A national file repeats a handful of kinds thousands of times.
    return phase_group(type_name=type_name, type_group=type_group, phase=phase)


def kind_from_nftype(code: str, *, dataset: str, special: bool) -> SchoolKind:
    """A KS2/KS4 row's kind from its NFTYPE code and record type (RECTYPE 2 = special)."""
    type_name, type_group = NFTYPE_NAMES.get(code.upper(), (code, ""))
    if special:
        return SchoolKind(type_name, type_group or SPECIAL)
    return SchoolKind(type_name, type_group, KEY_STAGE_PHASES.get(dataset, ""))


def kind_from_schooltype(text: str) -> SchoolKind:
    return SchoolKind(type_name=text)
