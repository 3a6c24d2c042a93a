"""Codes that DfE and LAIT files put where a number is not given, with their meaning.

A cell holding one of these is stored as "no number" plus the code, never as zero.
"""

SUPPRESSION_CODES: dict[str, str] = {
    "SUPP": "Suppressed: the cohort is small enough to identify pupils",
    "NE": "No entries: no pupils were eligible or entered",
    "NP": "Not published",
    "NEW": "New school: no results yet",
    "LOWCOV": "Low coverage: too few pupils have prior attainment to calculate progress",
    "NA": "Not applicable",
    "N/A": "Not applicable",
    "NULL": "Not given",
    "SP": "Suppressed: small number of pupils",
    "DNS": "Did not submit",
    "RE": "Results not yet available (re-marking)",
    "x": "Not available",
    "c": "Confidential: suppressed to protect individuals",
    "z": "Not applicable",
    "u": "Low reliability",
    "k": "Fewer than 0.5 (rounds to zero)",
    "low": "Fewer than 0.5 (rounds to zero)",
    ":": "Not available",
    "..": "Not available",
    "-": "Nil or not available",
}

_LOOKUP = {code.lower(): code for code in SUPPRESSION_CODES}


def suppression_code(text: str) -> str | None:
    """The canonical code for a cell's text, or None if it is not a known code."""
    return _LOOKUP.get(text.strip().lower())


def meaning(code: str) -> str:
    return SUPPRESSION_CODES.get(code, "No number given")
