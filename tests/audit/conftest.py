import pytest

from tests.audit.world import build_world


@pytest.fixture
def world(db):
    return build_world()
