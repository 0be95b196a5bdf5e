"""Checks for the types given a live-id rule with the third wave: VPC, classic ELB, Kinesis,
GuardDuty, Step Functions, CloudWatch alarms, Athena, ElastiCache (cluster mode off), ACM, ECS
clusters, S3 object ownership."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.provider.aws.checks_s3 import NO_BUCKET, _bucket
from bot.provider.aws.declarative import SET, TRUE, Call, Expect, at_least, attr, custom, eq
from bot.provider.aws.session import AwsContext
from bot.provider.registry import Registration
from bot.provider.result import Outcome, failed, verified

VPCS = Call("ec2", "DescribeVpcs", lambda i: {"VpcIds": [i]})
VPC_NF = ("InvalidVpcID.NotFound",)
FLOW_LOGS = Call("ec2", "DescribeFlowLogs")
SGS = Call("ec2", "DescribeSecurityGroups")
ELB_ATTRS = Call("elb", "DescribeLoadBalancerAttributes", lambda i: {"LoadBalancerName": i})
ELB_NF = ("LoadBalancerNotFound",)
ATHENA = Call("athena", "GetWorkGroup", lambda i: {"WorkGroup": i})
ATHENA_NF = ("InvalidRequestException",)
CACHE = Call("elasticache", "DescribeCacheClusters", lambda i: {"CacheClusterId": i})
CACHE_NF = ("CacheClusterNotFound", "CacheClusterNotFoundFault")
ECS = Call("ecs", "DescribeClusters", lambda i: {"clusters": [i], "include": ["SETTINGS", "CONFIGURATIONS"]})
ECS_LIVE = "clusters[?status!='INACTIVE'] | [0]"  # a deleted cluster is listed INACTIVE for a while


def _vpc_then(fn: Callable[[AwsContext, str], Outcome]) -> Callable[[AwsContext, str], Outcome]:
    def check(ctx: AwsContext, live_id: str) -> Outcome:
        VPCS.run(ctx, live_id)  # InvalidVpcID.NotFound when the VPC is gone
        return fn(ctx, live_id)

    return check


def _flow_logs(ctx: AwsContext, live_id: str) -> Outcome:
    logs = ctx.call("ec2", "DescribeFlowLogs", Filters=[{"Name": "resource-id", "Values": [live_id]}])
    found = [f"{f.get('FlowLogId')}:{f.get('TrafficType')}" for f in logs.get("FlowLogs") or []]
    return verified(flow_logs=found) if found else failed("the VPC has no flow log", flow_logs=[])


def _default_sg_closed(ctx: AwsContext, live_id: str) -> Outcome:
    groups = ctx.call("ec2", "DescribeSecurityGroups", Filters=[
        {"Name": "vpc-id", "Values": [live_id]}, {"Name": "group-name", "Values": ["default"]}]).get(
        "SecurityGroups") or []
    rules = {"ingress": sum(len(g.get("IpPermissions") or []) for g in groups),
             "egress": sum(len(g.get("IpPermissionsEgress") or []) for g in groups)}
    if not groups:
        return failed("the VPC has no default security group to read", **rules)
    return verified(**rules) if not any(rules.values()) else failed("the default security group has rules", **rules)


def _elb(name: str, path: str, expect: Expect, label: str) -> Registration[Any]:
    return attr(name, ("aws_elb",), ELB_ATTRS, f"LoadBalancerAttributes.{path}", expect, not_found=ELB_NF,
                label=label)


CHECKS: tuple[Registration[Any], ...] = (
    custom("vpc_flow_logs", ("aws_vpc",), (VPCS, FLOW_LOGS), _vpc_then(_flow_logs), VPC_NF),
    custom("vpc_default_sg_closed", ("aws_vpc",), (VPCS, SGS), _vpc_then(_default_sg_closed), VPC_NF),
    _elb("lb_access_logs", "AccessLog.Enabled", TRUE, "access_logs"),
    _elb("lb_cross_zone", "CrossZoneLoadBalancing.Enabled", TRUE, "cross_zone"),
    _elb("lb_desync_mitigation", "AdditionalAttributes[?Key=='elb.http.desyncmitigationmode'].Value | [0]",
         Expect("'defensive' or 'strictest'", lambda v: v in ("defensive", "strictest")), "desync_mitigation_mode"),
    attr("kinesis_stream_encryption", ("aws_kinesis_stream",),
         Call("kinesis", "DescribeStreamSummary", lambda i: {"StreamName": i}),
         "StreamDescriptionSummary.EncryptionType", eq("KMS"), not_found=("ResourceNotFoundException",),
         label="encryption_type"),
    attr("guardduty_enabled", ("aws_guardduty_detector",), Call("guardduty", "GetDetector",
                                                                lambda i: {"DetectorId": i}),
         "Status", eq("ENABLED"), not_found=("BadRequestException",), label="status"),
    attr("sfn_tracing", ("aws_sfn_state_machine",),
         Call("stepfunctions", "DescribeStateMachine", lambda i: {"stateMachineArn": i}),
         "tracingConfiguration.enabled", TRUE, not_found=("StateMachineDoesNotExist",), label="tracing"),
    attr("cloudwatch_alarm_actions", ("aws_cloudwatch_metric_alarm",),
         Call("cloudwatch", "DescribeAlarms", lambda i: {"AlarmNames": [i]}), "MetricAlarms[0].ActionsEnabled",
         TRUE, exists="MetricAlarms[0]", label="actions_enabled"),
    attr("athena_workgroup_enforced", ("aws_athena_workgroup",), ATHENA,
         "WorkGroup.Configuration.EnforceWorkGroupConfiguration", TRUE, not_found=ATHENA_NF, label="enforced"),
    attr("athena_workgroup_encryption", ("aws_athena_workgroup",), ATHENA,
         "WorkGroup.Configuration.ResultConfiguration.EncryptionConfiguration.EncryptionOption", SET,
         not_found=ATHENA_NF, label="encryption_option"),
    attr("elasticache_snapshot_retention", ("aws_elasticache_cluster",), CACHE,
         "CacheClusters[0].SnapshotRetentionLimit", at_least(1), not_found=CACHE_NF, label="snapshot_retention"),
    attr("elasticache_minor_upgrades", ("aws_elasticache_cluster",), CACHE,
         "CacheClusters[0].AutoMinorVersionUpgrade", TRUE, not_found=CACHE_NF, label="auto_minor_version_upgrade"),
    attr("acm_transparency_logging", ("aws_acm_certificate",),
         Call("acm", "DescribeCertificate", lambda i: {"CertificateArn": i}),
         "Certificate.Options.CertificateTransparencyLoggingPreference",
         Expect("not 'DISABLED'", lambda v: v != "DISABLED"), not_found=("ResourceNotFoundException",),
         label="transparency_logging"),
    attr("ecs_container_insights", ("aws_ecs_cluster",), ECS,
         "clusters[0].settings[?name=='containerInsights'].value | [0]", Expect(
             "'enabled' or 'enhanced'", lambda v: v in ("enabled", "enhanced")), exists=ECS_LIVE,
         label="container_insights"),
    attr("ecs_exec_logging", ("aws_ecs_cluster",), ECS,
         "clusters[0].configuration.executeCommandConfiguration.logging",
         Expect("not 'NONE' (unset means DEFAULT)", lambda v: v != "NONE"), exists=ECS_LIVE, label="exec_logging"),
    attr("s3_ownership_enforced", ("aws_s3_bucket_ownership_controls",),
         Call("s3", "GetBucketOwnershipControls", _bucket), "OwnershipControls.Rules[0].ObjectOwnership",
         eq("BucketOwnerEnforced"), not_found=NO_BUCKET, absent=("OwnershipControlsNotFoundError",),
         label="object_ownership"),
)
