"""Credentials and endpoint come from the standard chain: no credentials → unverifiable, never
verified; `AWS_ENDPOINT_URL` alone points the checks at another endpoint (here moto's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.inventory.terraform import parse_terraform
from bot.provider.aws.provider import AwsProvider
from bot.provider.aws.session import AwsContext
from bot.provider.result import CheckStatus, Why
from tests.harness.aws_apply import apply, clients

TF = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n  versioning {\n    enabled = true\n  }\n}\n'
RESOURCES = list(parse_terraform(TF.encode(), "main.tf").resources)


def test_no_credentials_anywhere_is_unverifiable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.delenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", raising=False)
    monkeypatch.delenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", raising=False)
    report = AwsProvider(AwsContext.from_environment(region="eu-west-1"), tmp_path, RESOURCES).check(
        "s3_versioning_enabled", RESOURCES)
    assert report.status is CheckStatus.unverifiable and not report.ok
    assert report.results[0].why is Why.no_credentials


def test_aws_endpoint_url_from_the_environment_is_honoured(aws: str, monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    apply(clients(aws), RESOURCES)
    monkeypatch.setenv("AWS_ENDPOINT_URL", aws)
    report = AwsProvider(AwsContext.from_environment(region="eu-west-1"), tmp_path, RESOURCES).check(
        "s3_versioning_enabled", RESOURCES)
    assert report.ok, report.detail
    assert report.results[0].evidence == {"versioning": "Enabled"} and report.results[0].live_id == "acme-logs"


def test_a_block_without_state_or_literal_name_has_no_live_id(aws: str, tmp_path: Path) -> None:
    tf = 'resource "aws_s3_bucket" "x" {\n  bucket = var.name\n}\n'
    res = list(parse_terraform(tf.encode(), "main.tf").resources)
    report = AwsProvider(AwsContext.from_environment(region="eu-west-1", endpoint_url=aws), tmp_path, res).check(
        "s3_versioning_enabled", res)
    assert report.status is CheckStatus.unverifiable and report.results[0].why is Why.no_live_id
