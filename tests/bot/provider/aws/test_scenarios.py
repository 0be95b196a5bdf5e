"""Golden cases applied to moto's server: before the fix (failed, with live evidence), after
(verified), drift (failed), the resource deleted out of band (unverifiable: not found)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from bot.provider.result import CheckStatus, Why
from tests.harness.aws_apply import Client
from tests.harness.aws_scenario import Drift, run, state_values

WILDCARD = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})


def _pab_off(c: Client, s: dict[str, Any]) -> None:
    c("s3").delete_public_access_block(Bucket="acme-data")


def _suspend(c: Client, s: dict[str, Any]) -> None:
    c("s3").put_bucket_versioning(Bucket="acme-reports", VersioningConfiguration={"Status": "Suspended"})


def _aes(c: Client, s: dict[str, Any]) -> None:
    c("s3").put_bucket_encryption(Bucket="acme-ledger", ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]})


def _public_acl(c: Client, s: dict[str, Any]) -> None:
    c("s3").put_bucket_acl(Bucket="acme-assets", ACL="public-read")


def _no_logging(c: Client, s: dict[str, Any]) -> None:
    c("s3").put_bucket_logging(Bucket="acme-app", BucketLoggingStatus={})


def _open_ssh(c: Client, s: dict[str, Any]) -> None:
    gid = state_values(s, "aws_security_group.bastion")["id"]
    c("ec2").authorize_security_group_ingress(GroupId=gid, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])


def _rds(**change: Any) -> Drift:
    def drift(c: Client, s: dict[str, Any]) -> None:
        c("rds").modify_db_instance(DBInstanceIdentifier="orders", ApplyImmediately=True, **change)

    return drift


def _wildcard(c: Client, s: dict[str, Any]) -> None:
    arn = state_values(s, "aws_iam_policy.app")["arn"]
    c("iam").create_policy_version(PolicyArn=arn, PolicyDocument=WILDCARD, SetAsDefault=True)


def _no_rotation(c: Client, s: dict[str, Any]) -> None:
    c("kms").disable_key_rotation(KeyId=state_values(s, "aws_kms_key.app")["key_id"])


def _trail(**change: Any) -> Drift:
    def drift(c: Client, s: dict[str, Any]) -> None:
        c("cloudtrail").update_trail(Name="main", **change)

    return drift


def _no_tracing(c: Client, s: dict[str, Any]) -> None:
    """Recreated by hand without tracing (moto ignores TracingConfig in UpdateFunctionConfiguration)."""
    fn = c("lambda").get_function_configuration(FunctionName="api")
    c("lambda").delete_function(FunctionName="api")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("main.py", "def handler(event, context):\n    return event\n")
    c("lambda").create_function(FunctionName="api", Runtime=fn["Runtime"], Role=fn["Role"], Handler=fn["Handler"],
                                Code={"ZipFile": buf.getvalue()}, TracingConfig={"Mode": "PassThrough"})


def _detector_off(c: Client, s: dict[str, Any]) -> None:
    c("guardduty").update_detector(DetectorId=state_values(s, "aws_guardduty_detector.main")["id"], Enable=False)


def _stream_unencrypted(c: Client, s: dict[str, Any]) -> None:
    c("kinesis").stop_stream_encryption(StreamName="events", EncryptionType="KMS", KeyId="alias/aws/kinesis")


def _flow_log_deleted(c: Client, s: dict[str, Any]) -> None:
    c("ec2").delete_flow_logs(FlowLogIds=[state_values(s, "aws_flow_log.main")["id"]])


def _waf_detached(c: Client, s: dict[str, Any]) -> None:
    c("wafv2").disassociate_web_acl(ResourceArn=state_values(s, "aws_lb.web")["arn"])


def _http_served(c: Client, s: dict[str, Any]) -> None:
    c("elbv2").modify_listener(ListenerArn=state_values(s, "aws_lb_listener.http")["arn"], DefaultActions=[
        {"Type": "fixed-response", "FixedResponseConfig": {"ContentType": "text/plain", "StatusCode": "200"}}])


def _listener(**change: Any) -> Drift:
    def drift(c: Client, s: dict[str, Any]) -> None:
        address = next(r["address"] for r in s["values"]["root_module"]["resources"] if r["type"] == "aws_lb_listener")
        c("elbv2").modify_listener(ListenerArn=state_values(s, address)["arn"], **change)

    return drift


def _insights_off(c: Client, s: dict[str, Any]) -> None:
    c("ecs").update_cluster(cluster="main", settings=[{"name": "containerInsights", "value": "disabled"}])


# golden case, drift (None: the property cannot change in place, e.g. storage encryption)
SCENARIOS: list[tuple[str, Drift | None]] = [
    ("s3_block_public_access/v5_split", _pab_off),
    ("s3_versioning/v5_split", _suspend),
    ("s3_encryption/v5_kms_param", _aes),
    ("s3_private_acl/public_read_v3", _public_acl),
    ("s3_access_logging/v5_split", _no_logging),
    ("sg_restrict_ssh/inline_ingress", _open_ssh),
    ("rds_storage_encrypted/instance", None),
    ("rds_not_public/instance", _rds(PubliclyAccessible=True)),
    ("rds_deletion_protection/instance", _rds(DeletionProtection=False)),
    ("ebs_volume_encrypted/volume", None),
    ("iam_restrict_wildcard/jsonencode_policy", _wildcard),
    ("kms_key_rotation/key", _no_rotation),
    ("cloudtrail_log_validation/trail", _trail(EnableLogFileValidation=False)),
    ("cloudtrail_multi_region/trail", _trail(IsMultiRegionTrail=False)),
    ("lambda_xray_tracing/function", _no_tracing),
    ("guardduty_enabled/basic", _detector_off),
    ("kinesis_stream_encryption/basic", _stream_unencrypted),
    ("vpc_flow_logs/basic", _flow_log_deleted),
    ("alb_waf_association/basic", _waf_detached),
    ("alb_http_redirect/from_the_load_balancer", _http_served),
    ("alb_http_redirect/basic", _listener(DefaultActions=[
        {"Type": "fixed-response", "FixedResponseConfig": {"ContentType": "text/plain", "StatusCode": "200"}}])),
    ("lb_listener_tls_policy/basic", _listener(SslPolicy="ELBSecurityPolicy-2016-08")),
    ("ecs_container_insights/basic", _insights_off),
]
IDS = [case for case, _ in SCENARIOS]


@pytest.mark.parametrize(("case", "drift"), SCENARIOS, ids=IDS)
def test_before_the_fix_fails_with_live_evidence(aws: str, tmp_path: Path, case: str, drift: Drift | None) -> None:
    report = run(aws, tmp_path, case, "before")
    assert report.status is CheckStatus.failed, report.detail
    bad = [r for r in report.results if r.status is CheckStatus.failed]
    assert bad and all(r.evidence and r.live_id for r in bad), report.detail


@pytest.mark.parametrize(("case", "drift"), SCENARIOS, ids=IDS)
def test_after_the_fix_is_verified_on_the_live_resource(aws: str, tmp_path: Path, case: str,
                                                        drift: Drift | None) -> None:
    report = run(aws, tmp_path, case, "after")
    assert report.status is CheckStatus.verified, report.detail
    assert all(r.live_id and r.evidence for r in report.results)


@pytest.mark.parametrize(("case", "drift"), [s for s in SCENARIOS if s[1]], ids=[c for c, d in SCENARIOS if d])
def test_drift_after_the_fix_fails(aws: str, tmp_path: Path, case: str, drift: Drift) -> None:
    report = run(aws, tmp_path, case, "after", drift=drift)
    assert report.status is CheckStatus.failed, report.detail


@pytest.mark.parametrize(("case", "drift"), SCENARIOS, ids=IDS)
def test_a_resource_gone_from_the_cloud_is_unverifiable(aws: str, tmp_path: Path, case: str,
                                                         drift: Drift | None) -> None:
    report = run(aws, tmp_path, case, "after", create=False)
    assert report.status is CheckStatus.unverifiable, report.detail
    assert {r.why for r in report.results} == {Why.not_found}, report.detail
    assert not report.ok
