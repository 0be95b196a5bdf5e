"""AWS checks moto cannot run as a golden scenario: the KMS key policy (the fix writes down the
policy AWS applies by default, so before and after read the same live policy), AWS Backup
selections (moto serves no selections) and `terraform_only` fixes (nothing live to read)."""

from __future__ import annotations

import json
from pathlib import Path

import boto3

from bot.models.common import LineSpan
from bot.models.resource import IacKind, Resource
from bot.provider.aws.checks_attach import _arn_matches
from bot.provider.aws.provider import AwsProvider
from bot.provider.aws.session import AwsContext
from bot.provider.result import CheckStatus, Why


def _res(address: str, attributes: dict[str, object]) -> Resource:
    rtype, name = address.split(".")
    return Resource(address=address, kind=IacKind.terraform, type=rtype, name=name, file="main.tf",
                    line=LineSpan(start=1, end=2), byte_start=0, byte_end=1, attributes=attributes)


def _provider(aws: str, root: Path, state: dict[str, dict[str, object]], resources: list[Resource]) -> AwsProvider:
    (root / ".fixbot").mkdir(parents=True, exist_ok=True)
    doc = {"values": {"root_module": {"resources": [
        {"address": a, "mode": "managed", "type": a.split(".")[0], "name": a.split(".")[1], "values": v}
        for a, v in state.items()]}}}
    (root / ".fixbot" / "state.json").write_text(json.dumps(doc), encoding="utf-8")
    return AwsProvider(AwsContext.from_environment(region="eu-west-1", endpoint_url=aws), root, resources)


def test_kms_key_policy_reads_the_live_policy(aws: str, tmp_path: Path) -> None:
    kms = boto3.client("kms", region_name="eu-west-1", endpoint_url=aws)
    default = kms.create_key()["KeyMetadata"]["KeyId"]
    locked = kms.create_key(Policy=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Sid": "OnlyOps", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/ops"},
         "Action": "kms:Describe*", "Resource": "*"}]}), BypassPolicyLockoutSafetyCheck=True)["KeyMetadata"]["KeyId"]
    keys = [_res("aws_kms_key.default", {}), _res("aws_kms_key.locked", {}), _res("aws_kms_key.gone", {})]
    state = {"aws_kms_key.default": {"key_id": default}, "aws_kms_key.locked": {"key_id": locked},
             "aws_kms_key.gone": {"key_id": "0b1c2d3e-0000-4000-8000-000000000000"}}
    report = _provider(aws, tmp_path, state, keys).check("kms_key_policy", keys)
    by = {r.resource: r for r in report.results}
    assert by["aws_kms_key.default"].status is CheckStatus.verified
    assert by["aws_kms_key.default"].evidence["account_root_administers"] is True
    assert by["aws_kms_key.locked"].status is CheckStatus.failed
    assert by["aws_kms_key.locked"].evidence["statement_sids"] == ["OnlyOps"]
    assert (by["aws_kms_key.gone"].status, by["aws_kms_key.gone"].why) == (CheckStatus.unverifiable, Why.not_found)


def test_terraform_only_fixes_are_unverifiable_never_verified(aws: str, tmp_path: Path) -> None:
    blocks = [_res("aws_api_gateway_deployment.api", {}), _res("aws_acm_certificate.web", {})]
    state = {"aws_api_gateway_deployment.api": {"id": "abc123"}, "aws_acm_certificate.web": {"arn": "arn:x"}}
    report = _provider(aws, tmp_path, state, blocks).check("terraform_only", blocks)
    assert [(r.status, r.why) for r in report.results] == [(CheckStatus.unverifiable, Why.not_supported)] * 2
    assert "Terraform-only" in report.results[0].reason and not report.ok


def test_backup_selection_entries_match_the_resource_by_service_and_resource_part() -> None:
    assert _arn_matches("arn:aws:ec2:eu-west-1:123456789012:volume/vol-1", "ec2", "volume/vol-1")
    assert _arn_matches("arn:aws:ec2:*:*:volume/*", "ec2", "volume/vol-1")
    assert _arn_matches("*", "rds", "cluster:orders")
    assert not _arn_matches("arn:aws:ec2:eu-west-1:123456789012:volume/vol-2", "ec2", "volume/vol-1")
    assert not _arn_matches("arn:aws:rds:eu-west-1:123456789012:cluster:orders-2", "rds", "cluster:orders")
    assert not _arn_matches("arn:aws:rds:eu-west-1:123456789012:db:orders", "rds", "cluster:orders")
