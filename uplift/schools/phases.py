"""The phase group an establishment is reported under, from whatever words a file uses.

Every importer that learns what kind of school a URN is calls `phase_group`:

* GIAS: `TypeOfEstablishment (name)`, `EstablishmentTypeGroup (name)`,
  `PhaseOfEducation (name)` ('Community special school', 'Middle deemed primary' ...);
* DfE performance tables: `SCHOOLTYPE` ('State-funded primary', 'State-funded AP school',
  'Non-maintained special school', 'Independent school' ...), passed as `type_name`;
* Ofsted management information: `Type of education` as `type_name` and `Ofsted phase`
  ('Primary', 'Special', 'PRU', 'Alternative provision' ...) as `phase`.

The kind of provision wins over the age phase: a special or alternative-provision school is
reported as such whatever ages it teaches. Otherwise the phase decides, read from `phase`
first and then from the type words (for files such as the performance tables that put the
phase in the type). Matching ignores case, hyphens and extra spaces; anything unrecognised
is PhaseGroup.OTHER, never an error.
"""

import re
from functools import lru_cache

from uplift.schools.models import PhaseGroup

_SPECIAL = ("special",)  # 'special classes' is a GIAS flag, never a type or phase
_PRU_AP_PHRASES = ("pupil referral unit", "alternative provision")
_PRU_AP_WORDS = {"pru", "ap"}  # 'PRU' (Ofsted phase), 'State-funded AP school'

# Checked in order: 'all-through' and the 16 plus words before 'primary' and 'secondary',
# which an all-through or sixth-form type name may also contain.
_PHASE_PHRASES: tuple[tuple[str, PhaseGroup], ...] = (
    ("all through", PhaseGroup.ALL_THROUGH),
    ("16 plus", PhaseGroup.SIXTEEN_PLUS),
    ("16+", PhaseGroup.SIXTEEN_PLUS),
    ("post 16", PhaseGroup.SIXTEEN_PLUS),
    ("16 19", PhaseGroup.SIXTEEN_PLUS),
    ("16 to 19", PhaseGroup.SIXTEEN_PLUS),
    ("sixth form", PhaseGroup.SIXTEEN_PLUS),
    ("further education", PhaseGroup.SIXTEEN_PLUS),
    ("nursery", PhaseGroup.NURSERY),
    ("primary", PhaseGroup.PRIMARY),
    ("secondary", PhaseGroup.SECONDARY),
)
# Whole values that name a phase group on their own (GIAS type group 'Colleges').
_PHASE_VALUES = {"colleges": PhaseGroup.SIXTEEN_PLUS}


def normalise(text: str | None) -> str:
    """'All-through ' -> 'all through', 'Academy 16-19 converter' -> 'academy 16 19 converter',
    None -> ''."""
    text = re.sub(r"[-\u2013]", " ", (text or "").lower())
    return " ".join(text.split())


def phase_group(
    *, type_name: str | None = "", type_group: str | None = "", phase: str | None = ""
) -> PhaseGroup:
    """The PhaseGroup for an establishment described by a type, a type group and a phase.

    >>> phase_group(type_name="Community special school", type_group="", phase="Not applicable")
    <PhaseGroup.SPECIAL: 'special'>
    >>> phase_group(type_name="Academy converter", type_group="", phase="Middle deemed primary")
    <PhaseGroup.PRIMARY: 'primary'>
    >>> phase_group(type_name="State-funded AP school", type_group="", phase="")
    <PhaseGroup.PRU_AP: 'pru_ap'>
    """
    return _phase_group(type_name or "", type_group or "", phase or "")


@lru_cache(maxsize=1024)  # a national file has a few hundred distinct combinations
def _phase_group(type_name: str, type_group: str, phase: str) -> PhaseGroup:
    texts = [normalise(t) for t in (type_name, type_group, phase)]
    if any(word in t for t in texts for word in _SPECIAL):
        return PhaseGroup.SPECIAL
    if any(_is_pru_ap(t) for t in texts):
        return PhaseGroup.PRU_AP
    type_text, group_text, phase_text = texts
    for text in (phase_text, type_text, group_text):
        found = _phase_of(text)
        if found is not None:
            return found
    return PhaseGroup.OTHER


def _is_pru_ap(text: str) -> bool:
    return any(phrase in text for phrase in _PRU_AP_PHRASES) or bool(
        _PRU_AP_WORDS & set(text.split())
    )


def _phase_of(text: str) -> PhaseGroup | None:
    if text in _PHASE_VALUES:
        return _PHASE_VALUES[text]
    for phrase, group in _PHASE_PHRASES:
        if phrase in text:
            return group
    return None
