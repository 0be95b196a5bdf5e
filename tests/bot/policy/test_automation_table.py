"""The blueprint's automation table and every pack rule, through the real Rego engine."""

from __future__ import annotations

from typing import Any

import pytest

from bot.models.common import Level
from bot.models.decision import Outcome
from bot.policy import ForgeFacts, PolicyEngine, PolicyInput

BASE: dict[str, Any] = {
    "resource_type": "aws_s3_bucket", "action": "block_public_s3_access",
    "catalogued": True, "confidence": Level.high, "reversible": True, "rollback_available": True,
    "verification_available": True, "live_verification": True, "changes_iam": False, "changes_network": False,
    "deletes_resource": False, "environment": "dev", "owners": ("@payments",),
    "data_classification": "internal", "criticality": "medium", "blast_radius": "low",
    "internet_exposed": False,
}  # fmt: skip


def pi(**over: Any) -> PolicyInput:
    return PolicyInput.model_validate({**BASE, **over})


A, R, D = Outcome.allow, Outcome.require_approval, Outcome.deny
IAM = {"action": "restrict_iam_wildcard", "resource_type": "aws_iam_policy", "changes_iam": True}
NET = {"action": "restrict_ssh_ingress", "resource_type": "aws_security_group", "changes_network": True}
DELETE = {"action": "delete_resource", "deletes_resource": True}

# (case, input overrides, expected outcome, the rule that must be among the reasons)
TABLE = [
    # the blueprint's automation table
    ("add missing security label", {"action": "add_security_label", "resource_type": "Deployment"}, A,
     "add_security_label"),
    ("open ticket with fix recommendation", {"action": "open_ticket"}, A, "open_ticket"),
    ("block public access, dev bucket", {}, A, "block_public_access_non_prod"),
    ("block public access, staging bucket", {"environment": "staging"}, A, "verification_required"),
    ("change production IAM policy", {**IAM, "environment": "prod"}, R, "prod_iam_change"),
    ("delete production resource", {**DELETE, "environment": "prod"}, D, "delete_in_prod"),
    ("modify network path in prod", {**NET, "environment": "prod"}, R, "prod_network_change"),
    # every rule
    ("any change in prod", {"environment": "prod"}, R, "prod_change"),
    ("delete outside prod", DELETE, R, "delete_resource"),
    ("high blast radius, dev", {"blast_radius": "high"}, D, "high_blast_radius"),
    ("high blast radius beats an allow-listed label", {"action": "add_security_label", "blast_radius": "high"},
     D, "high_blast_radius"),
    ("not reversible", {"reversible": False}, D, "no_rollback"),
    ("empty rollback plan", {"rollback_available": False}, D, "no_rollback"),
    ("low confidence is capped at approval", {"confidence": Level.low}, R, "low_confidence"),
    ("unknown confidence is capped at approval", {"confidence": Level.unknown}, R, "low_confidence"),
    ("low confidence never lifts a deny", {"confidence": Level.low, "reversible": False}, D, "no_rollback"),
    ("plan outside the catalogue", {"action": "unknown", "catalogued": False}, D, "unknown_action"),
    ("catalogued action outside the table", {"action": "enable_bucket_versioning"}, R, "manual_review_action"),
    ("unknown environment is treated like prod", {"environment": "unknown"}, R, "environment_unknown"),
    ("medium blast radius", {"blast_radius": "medium"}, R, "elevated_blast_radius"),
    ("public access block without verification", {"verification_available": False}, R, "verification_missing"),
    ("public access block no provider can verify", {"live_verification": False}, R, "live_verification_unavailable"),
    ("a change that may destroy data", {"action": "enable_rds_encryption", "data_loss_risk": True}, R,
     "data_loss_risk"),
    ("data loss risk stops an automated action", {"data_loss_risk": True}, R, "data_loss_risk"),
    ("failing checks", {"forge": ForgeFacts(approvals=2, approved_by_owner=True, checks_passed=False)}, D,
     "checks_failed"),
    ("a ticket is not a change", {"action": "open_ticket", "environment": "prod", "blast_radius": "high"}, A,
     "open_ticket"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "over", "outcome", "rule"), TABLE, ids=[row[0] for row in TABLE])
def test_table(engine: PolicyEngine, case: str, over: dict[str, Any], outcome: Outcome, rule: str) -> None:
    [decision] = engine.evaluate([pi(**over)])
    assert decision.outcome == outcome, (case, decision.reasons)
    assert rule in [r.rule for r in decision.reasons]
    assert decision.policy_version == engine.version


def test_whole_table_is_one_batch_with_the_same_answers(engine: PolicyEngine) -> None:
    inputs = [pi(**over) for _, over, _, _ in TABLE]
    decisions = engine.evaluate(inputs)
    assert [d.outcome for d in decisions] == [row[2] for row in TABLE]


def test_deny_reasons_are_only_the_deny_tier(engine: PolicyEngine) -> None:
    [d] = engine.evaluate([pi(environment="prod", blast_radius="high", confidence=Level.low)])
    assert d.outcome == D
    assert [r.rule for r in d.reasons] == ["high_blast_radius"]
    assert all(r.message for r in d.reasons)


def test_duplicates_are_decided_identically_and_in_order(engine: PolicyEngine) -> None:
    inputs = [pi(), pi(environment="prod"), pi(), pi(blast_radius="high"), pi(environment="prod")]
    assert [d.outcome for d in engine.evaluate(inputs)] == [A, R, A, D, R]
