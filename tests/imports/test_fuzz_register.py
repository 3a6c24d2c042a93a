"""Fuzzing the register importers (GIAS, GIAS links, statistical neighbours) with damaged
slices of the real files: see fuzz.py for what every case must do."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.imports.fuzz import Fuzzer, Target, cases, fuzz_settings

pytestmark = [pytest.mark.django_db, pytest.mark.real_data]

ROWS = (0, 1, 2, 3)
GIAS = [
    Target("urn", ("URN",), ROWS),
    Target("la", ("LA (code)",), ROWS),
    Target("estab", ("EstablishmentNumber",), ROWS),
    Target("count", ("NumberOfPupils",), ROWS),
    Target("age", ("StatutoryLowAge", "StatutoryHighAge"), ROWS),
    Target("percent", ("PercentageFSM",), ROWS),
    Target("date", ("OpenDate", "CloseDate"), ROWS),
]
LINKS = [Target("urn", ("URN", "LinkURN"), ROWS), Target("date", ("LinkEstablishedDate",), ROWS)]
NEIGHBOURS = [Target("la", ("LA num", "LA number", "SN1", "SN2", "SN10"), ROWS)]


@pytest.fixture
def fuzzer(slices, tmp_path, db_snapshot):
    return lambda name: Fuzzer(name, slices[name], tmp_path, db_snapshot)


@pytest.fixture
def gias(fuzzer):
    return fuzzer("gias")


@given(data=st.data())
@fuzz_settings(examples=300)
def test_gias(gias, data):
    gias.check(data.draw(cases(gias.piece, GIAS)))


@pytest.fixture
def links(fuzzer):
    return fuzzer("gias-links")


@given(data=st.data())
@fuzz_settings(examples=150)
def test_gias_links(links, data):
    links.check(data.draw(cases(links.piece, LINKS)))


@pytest.fixture
def neighbours(fuzzer):
    return fuzzer("neighbours")


@given(data=st.data())
@fuzz_settings(examples=150)
def test_neighbours(neighbours, data):
    neighbours.check(data.draw(cases(neighbours.piece, NEIGHBOURS)))
