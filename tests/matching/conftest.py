"""Fixtures for the matching tests: a small generated event."""

import pytest

from dinnerplan.matching.sample import generate_profiles


@pytest.fixture(scope="session")
def event():
    return generate_profiles(40, seed=7)
