"""Shared test configuration."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

# These machines are slow and noisy: no deadlines. CI runs more examples.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", parent=settings.get_profile("default"), max_examples=300, derandomize=True
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture
def runner() -> CliRunner:
    """A click test runner for the ``rekisteri`` command-line tool."""
    return CliRunner()
