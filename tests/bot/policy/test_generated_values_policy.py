"""The default pack asks a human to approve every plan that creates a value fixbot generated."""

from __future__ import annotations

from pathlib import Path

from bot.chain import CATALOGUE_INDEX
from bot.config import RepoConfig
from bot.models.decision import Outcome
from bot.models.report import RepositoryInfo
from bot.planner import rewriter_by_id
from bot.policy import PolicyEngine, decide
from bot.scan_stages import ScanOutcome
from rewriters import VARIANTS
from tests.bot.policy.conftest import assessment, builder_for_files, finding, plan
from tests.bot.policy.test_input import DEV_BUCKET

GENERATED = [rw.id for rw in VARIANTS] + ["vpc_default_sg_restrict", "s3_abort_incomplete_uploads"]


def _decide(tmp_path: Path, engine: PolicyEngine, rewriters: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    builder = builder_for_files(tmp_path, {"envs/dev/main.tf": DEV_BUCKET})
    bucket = "aws_s3_bucket.logs"
    assessments = tuple(assessment(finding(bucket, rule=f"R{i}"), plan(bucket, rw)) for i, rw in enumerate(rewriters))
    outcome = ScanOutcome(
        repository=RepositoryInfo(path=str(tmp_path)), config=RepoConfig(), inventory=builder.inventory,
        context=builder.context, graph=builder.graph, assessments=assessments, unmapped=(), errors=(),
    )  # type: ignore[arg-type]  # fmt: skip
    decided = decide(outcome, outcome.assessments, engine, catalogue=CATALOGUE_INDEX)
    return [(str(a.decision.outcome), tuple(r.rule for r in a.decision.reasons)) for a in decided if a.decision]


def test_every_generated_value_plan_requires_approval(tmp_path: Path, engine: PolicyEngine) -> None:
    assert len(VARIANTS) >= 11 and all(rewriter_by_id(rw.id) is rw for rw in VARIANTS)
    decisions = _decide(tmp_path, engine, GENERATED)
    assert len(decisions) == len(GENERATED)
    for rewriter, (outcome, rules) in zip(GENERATED, decisions, strict=True):
        assert outcome == Outcome.require_approval, rewriter
        assert "generated_value" in rules, rewriter


def test_the_same_fix_with_a_given_parameter_is_not_a_generated_value(tmp_path: Path, engine: PolicyEngine) -> None:
    [(_outcome, rules)] = _decide(tmp_path, engine, ["log_group_kms"])
    assert "generated_value" not in rules
