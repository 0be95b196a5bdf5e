"""Shared fixtures for the policy tests: the real engine, real scan stages over tiny repos."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from bot.config import RepoConfig
from bot.context import build_context
from bot.graph import build_graph
from bot.inventory import build_inventory
from bot.models.common import Level, Severity
from bot.models.finding import Finding, SourceRef, fingerprint
from bot.models.plan import Plan, Verification
from bot.models.report import Assessment
from bot.models.risk import Risk
from bot.policy import InputBuilder, PolicyEngine, load_engine
from bot.policy.input import catalogue_index
from rewriters import CATALOGUE
from tests.harness.gitrepo import write_files


@pytest.fixture(scope="session")
def engine() -> PolicyEngine:
    return load_engine()


def builder_for_files(root: Path, files: Mapping[str, str]) -> InputBuilder:
    """Real inventory, context and graph over `files`, with the real fix catalogue."""
    write_files(root, files)
    config = RepoConfig()
    inventory = build_inventory(root, config)
    context = build_context(root, config, inventory)
    return InputBuilder(inventory, context, build_graph(inventory, context), catalogue_index(CATALOGUE))


def finding(resource: str, *, title: str = "S3 bucket is public", raw: dict[str, object] | None = None,
            environment: str | None = None, rule: str = "CKV_AWS_53") -> Finding:  # fmt: skip
    source = SourceRef(source="checkov", tool="checkov", rule_id=rule, raw=raw or {})
    return Finding(
        id=fingerprint(rule, resource, None, None), source="checkov", rule_id=rule, title=title,
        severity=Severity.high, resource=resource, environment=environment, sources=(source,),
    )  # fmt: skip


def plan(resource: str, rewriter: str, **claims: object) -> Plan:
    """A plan for `rewriter`; `claims` override the plan's own (untrusted) metadata."""
    fields: dict[str, object] = {
        "finding_ids": ("f",), "resource": resource, "rewriter": rewriter, "action": "add_security_label",
        "confidence": Level.high, "reversible": True, "rollback_plan": "revert the commit",
        "verification": Verification(rules=("CKV_AWS_53",), provider_check="x"),
    }  # fmt: skip
    fields.update(claims)
    return Plan.model_validate(fields)


def assessment(f: Finding, p: Plan | None = None) -> Assessment:
    return Assessment(finding=f, risk=Risk(score=0.5, factors=()), plan=p)
