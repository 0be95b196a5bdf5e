"""Helpers of the planner tests: a repository on disk, its inventory, and assessments on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.config import RepoConfig
from bot.inventory import build_inventory
from bot.models.finding import Finding, fingerprint
from bot.models.report import Assessment
from bot.models.resource import Inventory
from bot.models.risk import Risk

Repo = Callable[[dict[str, str]], Path]


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    def make(files: dict[str, str]) -> Path:
        for rel, text in files.items():
            path = tmp_path / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return tmp_path

    return make


def assessment(rule: str, resource: str, file: str = "main.tf", title: str | None = None) -> Assessment:
    finding = Finding(
        id=fingerprint(rule, resource, None, None),
        source="checkov",
        rule_id=rule,
        title=title or rule,
        resource=resource,
        file=file,
    )
    return Assessment(finding=finding, risk=Risk(score=0.5, factors=()))


def inventory(root: Path) -> Inventory:
    return build_inventory(root, RepoConfig())
