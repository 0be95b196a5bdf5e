"""Checks of the simulated provider: the property a fix is about, read from the simulated live
values (`terraform show -json` shape, written by `fixbot apply --simulate`).

JMESPath into the live values, as the AWS checks read API answers. S3 settings may live on the
bucket (provider v3 inline blocks) or on a sibling resource referencing it (v4 split resources).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import jmespath

from bot.models.resource import Resource
from bot.provider.registry import CheckRegistry, Registration
from bot.provider.result import Outcome, Why, failed, unverifiable, verified

PUBLIC_CIDRS = {"0.0.0.0/0", "::/0"}
DEPRECATED_RUNTIMES = ("python2.7", "python3.6", "python3.7", "python3.8", "nodejs10.x", "nodejs12.x", "nodejs14.x",
                       "nodejs16.x", "ruby2.7", "dotnetcore3.1", "go1.x", "java8")
PUBLIC_ACLS = {"public-read", "public-read-write", "authenticated-read"}
PAB_FLAGS = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")


@dataclass
class SimContext:
    live: Mapping[str, Mapping[str, Any]]  # address -> live values
    types: Mapping[str, str] = field(default_factory=dict)  # address -> resource type

    def values(self, res: Resource) -> Mapping[str, Any] | None:
        return self.live.get(res.address)

    def sibling(self, res: Resource, rtype: str) -> Mapping[str, Any] | None:
        """The live `rtype` resource whose `bucket` names this bucket."""
        refs = {f"{res.type}.{res.name}.id", f"{res.type}.{res.name}.bucket"}
        literal = (self.values(res) or {}).get("bucket")
        for address, values in self.live.items():
            if self.types.get(address) == rtype and (values.get("bucket") in refs or
                                                      (literal and values.get("bucket") == literal)):
                return values
        return None


SimCheck = Callable[[SimContext, Resource], Outcome]


def _live(fn: Callable[[Mapping[str, Any], SimContext, Resource], Outcome]) -> SimCheck:
    def check(ctx: SimContext, res: Resource) -> Outcome:
        values = ctx.values(res)
        if values is None:
            return unverifiable(Why.not_found, f"{res.address} is not in the simulated live state (not applied?)")
        return fn(values, ctx, res)

    return check


def tf(name: str, types: tuple[str, ...], path: str, want: Callable[[Any], bool], text: str) -> Registration[Any]:
    """A check that the live value at `path` (JMESPath) satisfies `want`."""
    key = path.split("[")[0].split(".")[0]

    def fn(values: Mapping[str, Any], ctx: SimContext, res: Resource) -> Outcome:
        value = jmespath.search(path, dict(values))
        return verified(**{key: value}) if want(value) else failed(f"{key} is {value!r}, want {text}", **{key: value})

    return Registration(name, types, _live(fn))


def _pab(values: Mapping[str, Any], ctx: SimContext, res: Resource) -> Outcome:
    block = values if res.type == "aws_s3_bucket_public_access_block" else ctx.sibling(
        res, "aws_s3_bucket_public_access_block") or {}
    flags = {f: block.get(f) for f in PAB_FLAGS}
    off = [f for f, v in flags.items() if v is not True]
    return failed(f"{', '.join(off)} not enabled", **flags) if off else verified(**flags)


def _acl(values: Mapping[str, Any], ctx: SimContext, res: Resource) -> Outcome:
    acl = values.get("acl")
    return failed(f"acl is {acl!r}", acl=acl) if acl in PUBLIC_ACLS else verified(acl=acl)


def _versioning(values: Mapping[str, Any], ctx: SimContext, res: Resource) -> Outcome:
    inline = jmespath.search("versioning[0].enabled", dict(values))
    split = jmespath.search("versioning_configuration[0].status",
                            dict(values if res.type != "aws_s3_bucket" else ctx.sibling(res, "aws_s3_bucket_versioning")
                                 or {}))
    on = inline is True or split == "Enabled"
    return verified(versioning=split or inline) if on else failed("versioning not enabled", versioning=split or inline)


def s3_setting(name: str, sibling: str, inline: str, split: str, want: Callable[[Any], bool],
               types: tuple[str, ...] = ()) -> Registration[Any]:
    """An S3 setting inline on the bucket (`inline` path) or on its sibling `sibling` (`split` path)."""
    key = split.rsplit(".", 1)[-1]

    def fn(values: Mapping[str, Any], ctx: SimContext, res: Resource) -> Outcome:
        value = jmespath.search(split, dict(values)) if res.type == sibling else (
            jmespath.search(inline, dict(values)) or jmespath.search(split, dict(ctx.sibling(res, sibling) or {})))
        return verified(**{key: value}) if want(value) else failed(f"{key} is {value!r}", **{key: value})

    return Registration(name, types or ("aws_s3_bucket", sibling), _live(fn))


def _described(values: Mapping[str, Any], ctx: SimContext, res: Resource) -> Outcome:
    rules = [values] if res.type != "aws_security_group" else [
        r for r in [*(values.get("ingress") or []), *(values.get("egress") or [])] if isinstance(r, Mapping)]
    bare = [f"{r.get('from_port')}-{r.get('to_port')}" for r in rules if not r.get("description")]
    return failed("rules without a description", undescribed=bare) if bare else verified(rules=len(rules))


def _no_public_port(port: int) -> SimCheck:
    def fn(values: Mapping[str, Any], ctx: SimContext, res: Resource) -> Outcome:
        rules = [values] if res.type != "aws_security_group" else [
            r for r in values.get("ingress") or [] if isinstance(r, Mapping)]
        if res.type == "aws_security_group_rule" and values.get("type") != "ingress":
            rules = []
        found = [f"{r.get('from_port')}-{r.get('to_port')} from {c}" for r in rules
                 for c in [*(r.get("cidr_blocks") or []), *(r.get("ipv6_cidr_blocks") or [])] if c in PUBLIC_CIDRS
                 and isinstance(r.get("from_port"), int) and isinstance(r.get("to_port"), int)
                 and r["from_port"] <= port <= r["to_port"]]
        return failed(f"port {port} open to the internet", public_ingress=found) if found else verified(
            public_ingress=[])

    return _live(fn)


def _true(v: Any) -> bool:
    return v is True


def _false(v: Any) -> bool:
    return v is False


def _set(v: Any) -> bool:
    return v not in (None, "", [], {})


def _not_false(v: Any) -> bool:
    return v is not False


def _all_traffic() -> SimCheck:
    def fn(values: Mapping[str, Any], ctx: SimContext, res: Resource) -> Outcome:
        rules = [values] if res.type != "aws_security_group" else [
            r for r in values.get("ingress") or [] if isinstance(r, Mapping)]
        found = [c for r in rules if str(r.get("protocol")) in ("-1", "all")
                 for c in [*(r.get("cidr_blocks") or []), *(r.get("ipv6_cidr_blocks") or [])] if c in PUBLIC_CIDRS]
        return failed("all traffic open to the internet", public_all_traffic=found) if found else verified(
            public_all_traffic=[])

    return _live(fn)


def _blocks(value: Any) -> list[Mapping[str, Any]]:
    return [b for b in (value if isinstance(value, list) else [value]) if isinstance(b, Mapping)]


def _abort_uploads(values: Mapping[str, Any], ctx: SimContext, res: Resource) -> Outcome:
    """Days after which incomplete multipart uploads are aborted, by enabled lifecycle rules (inline or split)."""
    inline = [r.get("abort_incomplete_multipart_upload_days") for r in _blocks(values.get("lifecycle_rule"))
              if r.get("enabled") is not False]
    split = [a.get("days_after_initiation")
             for r in _blocks((ctx.sibling(res, "aws_s3_bucket_lifecycle_configuration") or {}).get("rule"))
             if r.get("status") == "Enabled" for a in _blocks(r.get("abort_incomplete_multipart_upload"))]
    days = [d for d in (*inline, *split) if d not in (None, "")]
    return verified(abort_after_days=days) if days else failed("no enabled lifecycle rule aborts incomplete uploads",
                                                               abort_after_days=[])


def _notifications(values: Mapping[str, Any], ctx: SimContext, res: Resource) -> Outcome:
    live = ctx.sibling(res, "aws_s3_bucket_notification") or {}
    targets = [k for k in ("topic", "queue", "lambda_function") if _blocks(live.get(k))]
    targets += ["eventbridge"] if live.get("eventbridge") is True else []
    return verified(targets=targets) if targets else failed("no event notification target", targets=[])


def _refers(value: Any, refs: set[str]) -> bool:
    items = value if isinstance(value, list) else [value]
    return any(isinstance(i, str) and i.strip().removeprefix("${").removesuffix("}") in refs for i in items)


def _backup_selected(values: Mapping[str, Any], ctx: SimContext, res: Resource) -> Outcome:
    """A live `aws_backup_selection` lists this resource (by reference or by its live ARN)."""
    refs = {f"{res.type}.{res.name}.arn"} | ({values["arn"]} if isinstance(values.get("arn"), str) else set())
    chosen = [address for address, live in ctx.live.items()
              if ctx.types.get(address) == "aws_backup_selection" and _refers(live.get("resources"), refs)]
    return verified(selected_by=chosen) if chosen else failed("no backup selection lists the resource",
                                                             selected_by=[])


SSE = "rule[0].apply_server_side_encryption_by_default[0].sse_algorithm"
DB, CLUSTER, MEMBER = "aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance"


SG = ("aws_security_group", "aws_security_group_rule")
REGISTRY: CheckRegistry[SimContext] = CheckRegistry("simulated", (
    Registration("s3_public_access_blocked", ("aws_s3_bucket", "aws_s3_bucket_public_access_block"), _live(_pab)),
    Registration("s3_acl_not_public", ("aws_s3_bucket", "aws_s3_bucket_acl"), _live(_acl)),
    Registration("s3_versioning_enabled", ("aws_s3_bucket", "aws_s3_bucket_versioning"), _live(_versioning)),
    Registration("sg_no_public_port_22", SG, _no_public_port(22)),
    Registration("sg_no_public_port_3389", SG, _no_public_port(3389)),
    s3_setting("s3_default_encryption_kms", "aws_s3_bucket_server_side_encryption_configuration",
               f"server_side_encryption_configuration[0].{SSE}", SSE, lambda v: v in ("aws:kms", "aws:kms:dsse")),
    s3_setting("s3_access_logging_enabled", "aws_s3_bucket_logging", "logging[0].target_bucket", "target_bucket",
               _set),
    Registration("sg_rules_described", SG, _live(_described)),
    tf("rds_storage_encrypted", (DB, CLUSTER), "storage_encrypted", _true, "true"),
    tf("rds_not_publicly_accessible", (DB, MEMBER), "publicly_accessible", _false, "false"),
    tf("rds_deletion_protection", (DB, CLUSTER), "deletion_protection", _true, "true"),
    tf("rds_backup_retention", (DB, CLUSTER), "backup_retention_period",
       lambda v: isinstance(v, int) and v >= 1, ">= 1"),
    tf("rds_multi_az", (DB,), "multi_az", _true, "true"),
    tf("rds_iam_auth", (DB,), "iam_database_authentication_enabled", _true, "true"),
    tf("rds_auto_minor_upgrade", (DB, MEMBER), "auto_minor_version_upgrade", _true, "true"),
    tf("rds_copy_tags_to_snapshot", (DB,), "copy_tags_to_snapshot", _true, "true"),
    tf("ebs_volume_encrypted", ("aws_ebs_volume",), "encrypted", _true, "true"),
    tf("ebs_volume_cmk", ("aws_ebs_volume",), "kms_key_id", _set, "a KMS key"),
    tf("cloudtrail_kms", ("aws_cloudtrail",), "kms_key_id", _set, "a KMS key"),
    tf("cloudtrail_cloudwatch", ("aws_cloudtrail",), "cloud_watch_logs_group_arn", _set, "a log group"),
    tf("cloudtrail_logging_enabled", ("aws_cloudtrail",), "enable_logging", _not_false, "not false"),
    tf("cloudtrail_sns_topic", ("aws_cloudtrail",), "sns_topic_name", _set, "a topic"),
    tf("kms_key_enabled", ("aws_kms_key",), "is_enabled", _not_false, "not false"),
    tf("kms_key_policy", ("aws_kms_key",), "policy", _set, "a key policy"),
    tf("lambda_code_signing", ("aws_lambda_function",), "code_signing_config_arn", _set, "a signing config"),
    tf("lambda_reserved_concurrency", ("aws_lambda_function",), "reserved_concurrent_executions",
       lambda v: isinstance(v, int) and v >= 0, "a limit"),
    tf("lambda_dead_letter_queue", ("aws_lambda_function",), "dead_letter_config[0].target_arn", _set, "a target"),
    tf("lambda_env_kms", ("aws_lambda_function",), "kms_key_arn", _set, "a KMS key"),
    tf("lambda_in_vpc", ("aws_lambda_function",), "vpc_config[0].subnet_ids", _set, "subnets"),
    tf("lambda_runtime_supported", ("aws_lambda_function",), "runtime",
       lambda v: isinstance(v, str) and v not in DEPRECATED_RUNTIMES, "a supported runtime"),
    tf("rds_aurora_backtrack", (CLUSTER,), "backtrack_window", lambda v: isinstance(v, int) and v > 0, "> 0"),
    tf("rds_ca_certificate", (DB,), "ca_cert_identifier", _set, "a current CA"),
    tf("rds_cluster_kms", (CLUSTER,), "kms_key_id", _set, "a KMS key"),
    tf("rds_copy_tags_to_snapshot", (CLUSTER,), "copy_tags_to_snapshot", _true, "true"),
    tf("rds_iam_auth", (CLUSTER,), "iam_database_authentication_enabled", _true, "true"),
    tf("rds_enhanced_monitoring", (DB, MEMBER), "monitoring_interval", lambda v: isinstance(v, int) and v > 0, "> 0"),
    tf("rds_performance_insights", (DB, MEMBER), "performance_insights_enabled", _true, "true"),
    tf("rds_log_exports", (DB, CLUSTER), "enabled_cloudwatch_logs_exports", _set, "log types"),
    Registration("sg_no_public_port_80", SG, _no_public_port(80)),
    Registration("sg_no_public_all_traffic", SG, _all_traffic()),
    tf("kms_key_rotation", ("aws_kms_key",), "enable_key_rotation", _true, "true"),
    tf("cloudtrail_log_validation", ("aws_cloudtrail",), "enable_log_file_validation", _true, "true"),
    tf("cloudtrail_multi_region", ("aws_cloudtrail",), "is_multi_region_trail", _true, "true"),
    tf("lambda_tracing", ("aws_lambda_function",), "tracing_config[0].mode", lambda v: v == "Active", "'Active'"),
    Registration("s3_abort_incomplete_uploads", ("aws_s3_bucket",), _live(_abort_uploads)),
    Registration("s3_event_notifications", ("aws_s3_bucket",), _live(_notifications)),
    Registration("backup_selection", (CLUSTER, "aws_ebs_volume"), _live(_backup_selected)),
))
