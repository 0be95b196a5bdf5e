"""Fixtures shared by the bot tests: moto's AWS server on loopback, started once per session."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.harness.moto_server import FAKE_ENV, moto_server, reset


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    """moto's server on a loopback port for the whole session, with fake credentials in the env."""
    saved = {k: os.environ.get(k) for k in FAKE_ENV}
    os.environ.update(FAKE_ENV)
    try:
        with moto_server() as endpoint:
            yield endpoint
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture
def aws(moto_endpoint: str) -> str:
    """A moto with no resources."""
    reset(moto_endpoint)
    return moto_endpoint
