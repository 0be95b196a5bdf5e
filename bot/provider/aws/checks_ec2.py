"""EC2: security groups (no public port N, rule descriptions, egress), instances, EBS, subnets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.provider.aws.declarative import FALSE, TRUE, Call, Expect, attr, custom, eq
from bot.provider.aws.session import ApiError, AwsContext
from bot.provider.registry import Registration
from bot.provider.result import Outcome, failed, verified

SG_TYPES = ("aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule")
PUBLIC = ("0.0.0.0/0", "::/0")
SG_NOT_FOUND = ("InvalidGroup.NotFound", "InvalidGroupId.Malformed", "InvalidGroupId.NotFound")


def _sg_params(live_id: str) -> dict[str, Any]:
    if live_id.startswith("sg-"):
        return {"GroupIds": [live_id]}
    return {"Filters": [{"Name": "group-name", "Values": [live_id]}]}


SG = Call("ec2", "DescribeSecurityGroups", _sg_params)


def _group(ctx: AwsContext, live_id: str) -> dict[str, Any]:
    groups = SG.run(ctx, live_id).get("SecurityGroups") or []
    if not groups:
        raise ApiError("InvalidGroup.NotFound", f"no security group {live_id}")
    group: dict[str, Any] = groups[0]
    return group


def _sources(perm: dict[str, Any]) -> list[str]:
    return [r.get("CidrIp", "") for r in perm.get("IpRanges") or []] + [
        r.get("CidrIpv6", "") for r in perm.get("Ipv6Ranges") or []]


def _covers(perm: dict[str, Any], port: int) -> bool:
    if perm.get("IpProtocol") == "-1":
        return True
    lo, hi = perm.get("FromPort"), perm.get("ToPort")
    return isinstance(lo, int) and isinstance(hi, int) and lo <= port <= hi


def _no_public_port(port: int) -> Callable[[AwsContext, str], Outcome]:
    def fn(ctx: AwsContext, live_id: str) -> Outcome:
        group = _group(ctx, live_id)
        open_rules = [f"{p.get('IpProtocol')} {p.get('FromPort')}-{p.get('ToPort')} from {src}"
                      for p in group.get("IpPermissions") or [] if _covers(p, port)
                      for src in _sources(p) if src in PUBLIC]
        evidence = {"group_id": group.get("GroupId"), "public_ingress": open_rules}
        if open_rules:
            return failed(f"port {port} is open to the internet", **evidence)
        return verified(**evidence)

    return fn


def _rules_described(ctx: AwsContext, live_id: str) -> Outcome:
    group = _group(ctx, live_id)
    perms = [*(group.get("IpPermissions") or []), *(group.get("IpPermissionsEgress") or [])]
    bare = [f"{p.get('IpProtocol')} {p.get('FromPort')}-{p.get('ToPort')} {src.get('CidrIp') or src.get('CidrIpv6')}"
            for p in perms for src in (*(p.get("IpRanges") or []), *(p.get("Ipv6Ranges") or []))
            if not src.get("Description")]
    if bare:
        return failed("rules without a description", undescribed=bare)
    return verified(rules=len(perms))


def _egress_restricted(ctx: AwsContext, live_id: str) -> Outcome:
    group = _group(ctx, live_id)
    wide = [src for p in group.get("IpPermissionsEgress") or [] if p.get("IpProtocol") == "-1"
            for src in _sources(p) if src in PUBLIC]
    return failed("all egress to the internet", open_egress=wide) if wide else verified(open_egress=[])


def _instance(path: str) -> tuple[Call, str]:
    call = Call("ec2", "DescribeInstances", lambda i: {"InstanceIds": [i]})
    return call, f"Reservations[0].Instances[0].{path}"


def _volumes_encrypted(ctx: AwsContext, live_id: str) -> Outcome:
    answer = ctx.call("ec2", "DescribeInstances", InstanceIds=[live_id])
    ids = [m["Ebs"]["VolumeId"] for r in answer.get("Reservations") or [] for i in r.get("Instances") or []
           for m in i.get("BlockDeviceMappings") or [] if m.get("Ebs", {}).get("VolumeId")]
    if not ids:
        return failed("no EBS volumes attached", volumes={})
    volumes = ctx.call("ec2", "DescribeVolumes", VolumeIds=ids).get("Volumes") or []
    state = {v["VolumeId"]: bool(v.get("Encrypted")) for v in volumes}
    return verified(volumes=state) if all(state.values()) else failed("unencrypted volumes", volumes=state)


def _volume_cmk(ctx: AwsContext, live_id: str) -> Outcome:
    volume = (ctx.call("ec2", "DescribeVolumes", VolumeIds=[live_id]).get("Volumes") or [{}])[0]
    key = volume.get("KmsKeyId")
    if not key:
        return failed("not encrypted with a KMS key", kms_key_id=None)
    manager = ctx.call("kms", "DescribeKey", KeyId=key).get("KeyMetadata", {}).get("KeyManager")
    evidence = {"kms_key_id": key, "key_manager": manager}
    return verified(**evidence) if manager == "CUSTOMER" else failed("AWS managed key, not a CMK", **evidence)


INSTANCE_NF = ("InvalidInstanceID.NotFound", "InvalidInstanceID.Malformed")
VOLUME_NF = ("InvalidVolume.NotFound", "InvalidVolumeID.Malformed")
DESCRIBE_INSTANCES = Call("ec2", "DescribeInstances")
DESCRIBE_VOLUMES = Call("ec2", "DescribeVolumes")
LT = Call("ec2", "DescribeLaunchTemplateVersions",
          lambda i: {("LaunchTemplateId" if i.startswith("lt-") else "LaunchTemplateName"): i, "Versions": ["$Latest"]})
LC = Call("autoscaling", "DescribeLaunchConfigurations", lambda i: {"LaunchConfigurationNames": [i]})
REQUIRED = eq("required")

CHECKS: tuple[Registration[Any], ...] = (
    custom("sg_no_public_port_22", SG_TYPES, (SG,), _no_public_port(22), SG_NOT_FOUND),
    custom("sg_no_public_port_3389", SG_TYPES, (SG,), _no_public_port(3389), SG_NOT_FOUND),
    custom("sg_rules_described", ("aws_security_group", "aws_security_group_rule"), (SG,), _rules_described,
           SG_NOT_FOUND),
    custom("sg_egress_restricted", ("aws_security_group",), (SG,), _egress_restricted, SG_NOT_FOUND),
    attr("ec2_imdsv2_required", ("aws_instance",), *_instance("MetadataOptions.HttpTokens"), REQUIRED,
         not_found=INSTANCE_NF, exists="Reservations[0]", label="http_tokens"),
    attr("ec2_imdsv2_required", ("aws_launch_template",), LT,
         "LaunchTemplateVersions[0].LaunchTemplateData.MetadataOptions.HttpTokens", REQUIRED,
         not_found=("InvalidLaunchTemplateId.NotFound", "InvalidLaunchTemplateName.NotFoundException"),
         label="http_tokens"),
    attr("ec2_imdsv2_required", ("aws_launch_configuration",), LC,
         "LaunchConfigurations[0].MetadataOptions.HttpTokens", REQUIRED, exists="LaunchConfigurations[0]",
         label="http_tokens"),
    attr("ec2_detailed_monitoring", ("aws_instance",), *_instance("Monitoring.State"), eq("enabled"),
         not_found=INSTANCE_NF, exists="Reservations[0]", label="monitoring"),
    attr("ec2_ebs_optimized", ("aws_instance",), *_instance("EbsOptimized"), TRUE, not_found=INSTANCE_NF,
         exists="Reservations[0]", label="ebs_optimized"),
    custom("ec2_volumes_encrypted", ("aws_instance",), (DESCRIBE_INSTANCES, DESCRIBE_VOLUMES), _volumes_encrypted,
           INSTANCE_NF),
    attr("ec2_volumes_encrypted", ("aws_launch_configuration",), LC,
         "LaunchConfigurations[0].BlockDeviceMappings[].Ebs.Encrypted",
         Expect("all true", lambda v: bool(v) and all(x is True for x in v)),
         exists="LaunchConfigurations[0]", label="ebs_encrypted"),
    attr("ebs_volume_encrypted", ("aws_ebs_volume",), Call("ec2", "DescribeVolumes", lambda i: {"VolumeIds": [i]}),
         "Volumes[0].Encrypted", TRUE, not_found=VOLUME_NF, label="encrypted"),
    custom("ebs_volume_cmk", ("aws_ebs_volume",), (DESCRIBE_VOLUMES, Call("kms", "DescribeKey")), _volume_cmk,
           VOLUME_NF),
    attr("subnet_no_auto_public_ip", ("aws_subnet",), Call("ec2", "DescribeSubnets", lambda i: {"SubnetIds": [i]}),
         "Subnets[0].MapPublicIpOnLaunch", FALSE, not_found=("InvalidSubnetID.NotFound",),
         label="map_public_ip_on_launch"),
)
