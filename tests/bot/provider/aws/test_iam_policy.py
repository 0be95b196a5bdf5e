"""The shipped least-privilege policy: read-only, in sync with the checks, and sufficient.

Every API operation the checks make while the scenarios run is recorded through botocore's
`before-call` event hook and must be allowed by the shipped policy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli.main import main
from bot.provider.aws.catalog import iam_actions, shipped_policy
from bot.provider.aws.session import AwsContext
from tests.bot.provider.aws.test_scenarios import SCENARIOS
from tests.harness.aws_scenario import run

# where the IAM action name differs from the API operation (AWS service authorization reference)
IAM_SPELLING = {
    "s3:GetPublicAccessBlock": "s3:GetBucketPublicAccessBlock",
    "s3:GetBucketEncryption": "s3:GetEncryptionConfiguration",
    "s3:GetBucketLifecycleConfiguration": "s3:GetLifecycleConfiguration",
}
READ_ONLY = ("Get", "Describe", "List")


def _allowed() -> set[str]:
    (statement,) = shipped_policy()["Statement"]
    assert statement["Effect"] == "Allow"
    return set(statement["Action"])


def test_the_shipped_policy_is_read_only_and_lists_exactly_what_the_checks_declare() -> None:
    allowed = _allowed()
    assert sorted(allowed) == iam_actions()
    assert all(a.split(":", 1)[1].startswith(READ_ONLY) for a in allowed)


def test_the_checks_call_nothing_outside_the_policy(aws: str, tmp_path: Path) -> None:
    called: set[str] = set()

    def record(model: Any, **kwargs: Any) -> None:
        op = f"{model.service_model.signing_name}:{model.name}"
        called.add(IAM_SPELLING.get(op, op))

    def hook(ctx: AwsContext) -> None:
        ctx.session.events.register("before-call.*.*", record)

    for i, (case, drift) in enumerate(SCENARIOS):
        run(aws, tmp_path / str(i), case, "after", drift=drift, context=hook)
    assert {"s3:GetBucketPublicAccessBlock", "iam:GetPolicyVersion", "ec2:DescribeSecurityGroups"} <= called
    assert called <= _allowed(), sorted(called - _allowed())


def test_print_iam_policy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--print-iam-policy"]) == 0
    assert json.loads(capsys.readouterr().out) == shipped_policy()
