"""`decide()`: every assessment of a scan gets a decision carrying the engine's version."""

from __future__ import annotations

from pathlib import Path

from bot.chain import CATALOGUE_INDEX
from bot.config import RepoConfig
from bot.models.decision import Outcome
from bot.models.report import RepositoryInfo
from bot.policy import PolicyEngine, decide
from bot.scan_stages import ScanOutcome
from tests.bot.policy.conftest import assessment, builder_for_files, finding, plan
from tests.bot.policy.test_input import DEV_BUCKET, PROD_SG


def test_decide_sets_a_decision_on_every_assessment(tmp_path: Path, engine: PolicyEngine) -> None:
    builder = builder_for_files(tmp_path, {"envs/dev/main.tf": DEV_BUCKET, "envs/prod/net.tf": PROD_SG})
    bucket, sg = "aws_s3_bucket.logs", "aws_security_group.ssh"
    assessments = (
        assessment(finding(bucket), plan(bucket, "s3_block_public_access")),
        assessment(finding(sg, rule="CKV_AWS_24"), plan(sg, "sg_restrict_ssh")),
        assessment(finding(bucket, rule="CKV_AWS_18")),
        assessment(finding(bucket, rule="CKV_AWS_21"), plan(bucket, "no_such_rewriter")),
    )
    outcome = ScanOutcome(
        repository=RepositoryInfo(path=str(tmp_path)), config=RepoConfig(), inventory=builder.inventory,
        context=builder.context, graph=builder.graph, assessments=assessments, unmapped=(), errors=(),
    )  # type: ignore[arg-type]  # fmt: skip
    decided = decide(outcome, outcome.assessments, engine, catalogue=CATALOGUE_INDEX)
    assert [a.finding.id for a in decided] == [a.finding.id for a in assessments]
    assert [a.decision.outcome for a in decided if a.decision] == [
        Outcome.allow, Outcome.require_approval, Outcome.allow, Outcome.deny,
    ]  # fmt: skip
    assert {a.decision.policy_version for a in decided if a.decision} == {engine.version}
    report = outcome.report(policy_version=engine.version).model_copy(update={"assessments": tuple(decided)})
    data = report.to_json()
    assert data["policy_version"] == engine.version
    assert data["findings"][1]["decision"]["reasons"][0]["rule"] == "prod_network_change"
