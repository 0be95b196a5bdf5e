"""Fixtures for the ingest tests: a copy of the small infra repo the checkov fixtures were made from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ingest"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """tests/fixtures/ingest/repo copied to a tmp dir: main.tf, modules/store/main.tf, k8s/app.yaml."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "repo", root)
    return root


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
