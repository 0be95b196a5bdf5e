"""The AWS provider's explicit registry: checks, live-id rules per type, and the IAM policy they need."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from bot.provider.aws import (
    checks_attach,
    checks_ec2,
    checks_iam,
    checks_managed,
    checks_more,
    checks_platform,
    checks_rds,
    checks_s3,
    checks_services,
    checks_wave3,
)
from bot.provider.aws.declarative import AwsCheck
from bot.provider.aws.ids import IdSpec
from bot.provider.aws.session import AwsContext
from bot.provider.registry import CheckRegistry

REGISTRY: CheckRegistry[AwsContext] = CheckRegistry("aws", (
    *checks_s3.CHECKS, *checks_ec2.CHECKS, *checks_rds.CHECKS, *checks_services.CHECKS, *checks_platform.CHECKS,
    *checks_iam.CHECKS, *checks_more.CHECKS, *checks_attach.CHECKS, *checks_wave3.CHECKS,
    *checks_managed.CHECKS,
))

_BUCKET_CHILD = IdSpec(("bucket",), ("bucket",))
_SG_CHILD = IdSpec(("security_group_id",), ("security_group_id",))

# how a block of each type names its live resource: state keys, then literal attributes
IDS: dict[str, IdSpec] = {
    "aws_s3_bucket": IdSpec(("bucket", "id"), ("bucket",)),
    **{t: _BUCKET_CHILD for t in ("aws_s3_bucket_public_access_block", "aws_s3_bucket_acl", "aws_s3_bucket_policy",
                                  "aws_s3_bucket_versioning", "aws_s3_bucket_server_side_encryption_configuration",
                                  "aws_s3_bucket_logging", "aws_s3_bucket_lifecycle_configuration")},
    "aws_security_group": IdSpec(("id",), ("name",)),
    "aws_security_group_rule": _SG_CHILD,
    "aws_vpc_security_group_ingress_rule": _SG_CHILD,
    "aws_instance": IdSpec(("id",)),
    "aws_launch_template": IdSpec(("id",), ("name",)),
    "aws_launch_configuration": IdSpec(("name", "id"), ("name",)),
    "aws_ebs_volume": IdSpec(("id",)),
    "aws_subnet": IdSpec(("id",)),
    "aws_db_instance": IdSpec(("identifier",), ("identifier",)),
    "aws_rds_cluster_instance": IdSpec(("identifier",), ("identifier",)),
    "aws_rds_cluster": IdSpec(("cluster_identifier",), ("cluster_identifier",)),
    "aws_redshift_cluster": IdSpec(("cluster_identifier",), ("cluster_identifier",)),
    "aws_kms_key": IdSpec(("key_id", "id")),
    "aws_cloudtrail": IdSpec(("arn", "name", "id"), ("name",)),
    "aws_lambda_function": IdSpec(("function_name", "arn"), ("function_name",)),
    "aws_ecr_repository": IdSpec(("name",), ("name",)),
    "aws_dynamodb_table": IdSpec(("name",), ("name",)),
    "aws_sqs_queue": IdSpec(("url", "id"), ("name",)),
    "aws_sns_topic": IdSpec(("arn", "id"), ("name",)),
    "aws_cloudwatch_log_group": IdSpec(("name",), ("name",)),
    "aws_secretsmanager_secret": IdSpec(("arn", "id"), ("name",)),
    "aws_efs_file_system": IdSpec(("id",), ("creation_token",)),
    "aws_eks_cluster": IdSpec(("name",), ("name",)),
    "aws_opensearch_domain": IdSpec(("domain_name",), ("domain_name",)),
    "aws_elasticsearch_domain": IdSpec(("domain_name",), ("domain_name",)),
    "aws_elasticache_replication_group": IdSpec(("replication_group_id",), ("replication_group_id",)),
    "aws_lb": IdSpec(("arn",), ("name",)),
    "aws_alb": IdSpec(("arn",), ("name",)),
    "aws_cloudfront_distribution": IdSpec(("id",)),
    "aws_iam_policy": IdSpec(("arn",), ("name",)),
    "aws_iam_role_policy": IdSpec(("id",), ("role", "name"), join=True),
    "aws_iam_group_policy": IdSpec(("id",), ("group", "name"), join=True),
    "aws_iam_user_policy": IdSpec(("id",), ("user", "name"), join=True),
    "aws_docdb_cluster": IdSpec(("cluster_identifier",), ("cluster_identifier",)),
    "aws_neptune_cluster": IdSpec(("cluster_identifier",), ("cluster_identifier",)),
    "aws_neptune_cluster_instance": IdSpec(("identifier",), ("identifier",)),
    "aws_secretsmanager_secret_rotation": IdSpec(("secret_id",), ("secret_id",)),
    "aws_s3_bucket_ownership_controls": _BUCKET_CHILD,
    "aws_vpc": IdSpec(("id",)),
    "aws_elb": IdSpec(("name", "id"), ("name",)),
    "aws_kinesis_stream": IdSpec(("name",), ("name",)),
    "aws_guardduty_detector": IdSpec(("id",)),
    "aws_sfn_state_machine": IdSpec(("arn", "id")),
    "aws_cloudwatch_metric_alarm": IdSpec(("alarm_name",), ("alarm_name",)),
    "aws_athena_workgroup": IdSpec(("name",), ("name",)),
    "aws_elasticache_cluster": IdSpec(("cluster_id",), ("cluster_id",)),
    "aws_acm_certificate": IdSpec(("arn",)),
    "aws_api_gateway_deployment": IdSpec(("id",)),
    "aws_api_gateway_rest_api": IdSpec(("id",)),
    "aws_ssm_parameter": IdSpec(("name",), ("name",)),
    "aws_networkfirewall_firewall": IdSpec(("name",), ("name",)),
    "aws_cognito_identity_pool": IdSpec(("id",)),
    "aws_lambda_function_url": IdSpec(("function_name",), ("function_name",)),
    "aws_sagemaker_notebook_instance": IdSpec(("name",), ("name",)),
    "aws_sagemaker_domain": IdSpec(("id",)),
    "aws_ec2_transit_gateway": IdSpec(("id",)),
    "aws_vpc_endpoint_service": IdSpec(("id",)),
    "aws_dax_cluster": IdSpec(("cluster_name",), ("cluster_name",)),
    "aws_memorydb_cluster": IdSpec(("name",), ("name",)),
    "aws_mq_broker": IdSpec(("id",)),
    "aws_dms_replication_instance": IdSpec(("replication_instance_id",), ("replication_instance_id",)),
    "aws_kinesis_firehose_delivery_stream": IdSpec(("name",), ("name",)),
    "aws_ecs_cluster": IdSpec(("name", "arn"), ("name",)),
    "aws_lb_listener": IdSpec(("arn", "id")),
    "aws_alb_listener": IdSpec(("arn", "id")),
}

# AWS types the catalogue fixes that have no live resource of their own
UNSUPPORTED: dict[str, str] = {
    "aws_iam_policy_document": "a data source: the policy it renders is checked where it is attached",
}


def supports(rtype: str) -> bool:
    return rtype in IDS


def iam_actions() -> list[str]:
    """Every IAM action the registered checks may call, sorted (the least-privilege policy)."""
    actions: set[str] = set()
    for name, rtype in REGISTRY:
        check = REGISTRY.get(name, rtype)
        if isinstance(check, AwsCheck):
            actions |= {call.iam_action for call in check.calls}
    return sorted(actions)


def policy_document(actions: list[str]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": [
        {"Sid": "FixbotVerifyReadOnly", "Effect": "Allow", "Action": actions, "Resource": "*"}]}


def shipped_policy() -> dict[str, Any]:
    """The policy shipped with fixbot (`fixbot verify --print-iam-policy`)."""
    text = resources.files("bot.provider.aws").joinpath("iam_policy.json").read_text(encoding="utf-8")
    doc: dict[str, Any] = json.loads(text)
    return doc


if __name__ == "__main__":  # regenerate: python -m bot.provider.aws.catalog > bot/provider/aws/iam_policy.json
    print(json.dumps(policy_document(iam_actions()), indent=2))
