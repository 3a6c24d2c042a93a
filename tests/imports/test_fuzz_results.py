"""Fuzzing the Ofsted, performance-tables and LAIT importers with damaged slices of the
real files: see fuzz.py for what every case must do."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.imports.fuzz import Fuzzer, Target, cases, fuzz_settings

pytestmark = [pytest.mark.django_db, pytest.mark.real_data]

ROWS, SCHOOLS = (0, 1, 2, 3), (0, 1, 2)
TARGETS = {
    "ofsted": [
        Target("urn", ("URN", "URN at time of latest full inspection"), ROWS),
        Target("laestab", ("LAESTAB",), ROWS),
        Target("count", ("Total number of pupils",), ROWS),
        Target("inspection_date", ("Inspection start date", "Publication date"), ROWS),
    ],
    "absence": [
        Target("urn", ("URN",), SCHOOLS),
        Target("la", ("LA",), SCHOOLS),
        Target("estab", ("ESTAB",), SCHOOLS),
        Target("percent", ("PERCTOT", "PPERSABS10"), ROWS),
    ],
    "census": [
        Target("urn", ("URN",), ROWS),
        Target("la", ("LA",), ROWS),
        Target("estab", ("Estab",), ROWS),
        Target("count", ("NOR",), ROWS),
        Target("percent", ("PSENELSE", "PSENELK", "PNUMEAL"), ROWS),
    ],
    "ks2": [
        Target("urn", ("URN",), SCHOOLS),
        Target("la", ("LEA",), SCHOOLS),
        Target("estab", ("ESTAB",), SCHOOLS),
        Target("count", ("TELIG",), SCHOOLS),
        Target("percent", ("PTRWM_EXP", "PTREAD_EXP"), SCHOOLS),
        Target("score", ("MAT_AVERAGE", "READ_AVERAGE"), SCHOOLS),
    ],
    "ks4": [
        Target("urn", ("URN",), SCHOOLS),
        Target("la", ("LEA",), SCHOOLS),
        Target("estab", ("ESTAB",), SCHOOLS),
        Target("count", ("TPUP",), SCHOOLS),
        Target("percent", ("PTL2BASICS_94",), SCHOOLS),
        Target("score", ("ATT8SCR", "P8MEA", "EBACCAPS"), SCHOOLS),
    ],
    "lait": [
        Target("lait_la", ("LA Number",), ROWS),
        Target("lait_value", ("Values",), ROWS),
    ],
}


@pytest.fixture
def target(request, slices, tmp_path, db_snapshot) -> Fuzzer:
    """The slice's good data imported once; each case is then imported over it."""
    return Fuzzer(request.param, slices[request.param], tmp_path, db_snapshot)


@pytest.mark.parametrize("target", sorted(TARGETS), indirect=True)
@given(data=st.data())
@fuzz_settings(examples=200)
def test_damaged_slices(target, data):
    target.check(data.draw(cases(target.piece, TARGETS[target.piece_name])))
