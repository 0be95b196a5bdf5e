"""The bench helpers decide real scan state and synthetic batches (timings are not asserted)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.models.decision import Outcome
from tests.bench.policy import bench_policy, policy_stage, synthetic_inputs
from tests.bot.policy.conftest import assessment, builder_for_files, finding, plan
from tests.bot.policy.test_input import DEV_BUCKET


def test_policy_stage_decides_every_assessment(tmp_path: Path) -> None:
    builder = builder_for_files(tmp_path, {"envs/dev/main.tf": DEV_BUCKET})
    bucket = "aws_s3_bucket.logs"
    values: dict[str, Any] = {
        "inventory": builder.inventory, "context": builder.context, "graph": builder.graph,
        "assessments": [assessment(finding(bucket), plan(bucket, "s3_block_public_access")),
                        assessment(finding(bucket, rule="CKV_AWS_18"))],
    }  # fmt: skip
    policy_stage(values)
    assert [d.outcome for d in values["decisions"]] == [Outcome.allow, Outcome.allow]


def test_synthetic_inputs_repeat_like_a_repository_unless_asked_not_to() -> None:
    assert len(set(synthetic_inputs(500))) < 500
    assert len(set(synthetic_inputs(500, distinct=True))) == 500
    assert bench_policy(20) > 0
