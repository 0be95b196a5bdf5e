"""KMS, CloudTrail, Lambda, ECR, DynamoDB, SQS, SNS, CloudWatch Logs, Secrets Manager, EFS."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.provider.aws.declarative import SET, TRUE, Call, Expect, at_least, attr, custom, eq
from bot.provider.aws.session import ApiError, AwsContext
from bot.provider.registry import Registration
from bot.provider.result import Outcome, failed, verified

TRAIL = Call("cloudtrail", "DescribeTrails", lambda i: {"trailNameList": [i], "includeShadowTrails": False})
ECR = Call("ecr", "DescribeRepositories", lambda i: {"repositoryNames": [i]})
ECR_NF = ("RepositoryNotFoundException",)
QUEUE_URL = Call("sqs", "GetQueueUrl")
QUEUE_ATTRS = Call("sqs", "GetQueueAttributes")
TOPICS = Call("sns", "ListTopics")
TOPIC_ATTRS = Call("sns", "GetTopicAttributes")
LOG_GROUPS = Call("logs", "DescribeLogGroups")
SQS_NF = ("AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist")


def _queue_encrypted(ctx: AwsContext, live_id: str) -> Outcome:
    url = live_id if live_id.startswith("http") else ctx.call("sqs", "GetQueueUrl", QueueName=live_id)["QueueUrl"]
    attrs = ctx.call("sqs", "GetQueueAttributes", QueueUrl=url,
                     AttributeNames=["KmsMasterKeyId", "SqsManagedSseEnabled"]).get("Attributes") or {}
    evidence = {"kms_master_key_id": attrs.get("KmsMasterKeyId"), "sqs_managed_sse": attrs.get("SqsManagedSseEnabled")}
    if attrs.get("KmsMasterKeyId") or attrs.get("SqsManagedSseEnabled") == "true":
        return verified(**evidence)
    return failed("the queue is not encrypted", **evidence)


def _topic_arn(ctx: AwsContext, live_id: str) -> str:
    if live_id.startswith("arn:"):
        return live_id
    for topic in ctx.call("sns", "ListTopics").get("Topics") or []:
        if str(topic.get("TopicArn", "")).rsplit(":", 1)[-1] == live_id:
            return str(topic["TopicArn"])
    raise ApiError("NotFound", f"no SNS topic named {live_id}")


def _topic_encrypted(ctx: AwsContext, live_id: str) -> Outcome:
    attrs = ctx.call("sns", "GetTopicAttributes", TopicArn=_topic_arn(ctx, live_id)).get("Attributes") or {}
    key = attrs.get("KmsMasterKeyId")
    return verified(kms_master_key_id=key) if key else failed("the topic is not encrypted", kms_master_key_id=None)


def _log_group(field: str, expect: Expect) -> Callable[[AwsContext, str], Outcome]:
    def fn(ctx: AwsContext, live_id: str) -> Outcome:
        groups = ctx.call("logs", "DescribeLogGroups", logGroupNamePrefix=live_id).get("logGroups") or []
        group = next((g for g in groups if g.get("logGroupName") == live_id), None)
        if group is None:
            raise ApiError("ResourceNotFoundException", f"no log group {live_id}")
        value = group.get(field)
        return verified(**{field: value}) if expect.test(value) else failed(f"{field} is {value!r}, want "
                                                                           f"{expect.text}", **{field: value})

    return fn


CHECKS: tuple[Registration[Any], ...] = (
    attr("kms_key_rotation", ("aws_kms_key",), Call("kms", "GetKeyRotationStatus", lambda i: {"KeyId": i}),
         "KeyRotationEnabled", TRUE, not_found=("NotFoundException",), label="rotation_enabled"),
    attr("cloudtrail_log_validation", ("aws_cloudtrail",), TRAIL, "trailList[0].LogFileValidationEnabled", TRUE,
         exists="trailList[0]", not_found=("TrailNotFoundException",), label="log_file_validation"),
    attr("cloudtrail_multi_region", ("aws_cloudtrail",), TRAIL, "trailList[0].IsMultiRegionTrail", TRUE,
         exists="trailList[0]", not_found=("TrailNotFoundException",), label="multi_region"),
    attr("cloudtrail_kms", ("aws_cloudtrail",), TRAIL, "trailList[0].KmsKeyId", SET,
         exists="trailList[0]", not_found=("TrailNotFoundException",), label="kms_key_id"),
    attr("lambda_tracing", ("aws_lambda_function",),
         Call("lambda", "GetFunctionConfiguration", lambda i: {"FunctionName": i}), "TracingConfig.Mode",
         eq("Active"), not_found=("ResourceNotFoundException",), label="tracing_mode"),
    attr("ecr_scan_on_push", ("aws_ecr_repository",), ECR, "repositories[0].imageScanningConfiguration.scanOnPush",
         TRUE, not_found=ECR_NF, label="scan_on_push"),
    attr("ecr_tags_immutable", ("aws_ecr_repository",), ECR, "repositories[0].imageTagMutability",
         eq("IMMUTABLE"), not_found=ECR_NF, label="image_tag_mutability"),
    attr("dynamodb_pitr", ("aws_dynamodb_table",),
         Call("dynamodb", "DescribeContinuousBackups", lambda i: {"TableName": i}),
         "ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus", eq("ENABLED"),
         not_found=("TableNotFoundException", "ResourceNotFoundException"), label="pitr_status"),
    custom("sqs_encrypted", ("aws_sqs_queue",), (QUEUE_URL, QUEUE_ATTRS), _queue_encrypted, SQS_NF),
    custom("sns_encrypted", ("aws_sns_topic",), (TOPICS, TOPIC_ATTRS), _topic_encrypted, ("NotFound",)),
    custom("log_group_retention", ("aws_cloudwatch_log_group",), (LOG_GROUPS,),
           _log_group("retentionInDays", at_least(365)), ("ResourceNotFoundException",)),
    custom("log_group_kms", ("aws_cloudwatch_log_group",), (LOG_GROUPS,), _log_group("kmsKeyId", SET),
           ("ResourceNotFoundException",)),
    attr("secret_cmk", ("aws_secretsmanager_secret",), Call("secretsmanager", "DescribeSecret",
                                                            lambda i: {"SecretId": i}),
         "KmsKeyId", SET, not_found=("ResourceNotFoundException",), label="kms_key_id"),
    attr("efs_encrypted", ("aws_efs_file_system",),
         Call("efs", "DescribeFileSystems",
              lambda i: {"FileSystemId": i} if i.startswith("fs-") else {"CreationToken": i}),
         "FileSystems[0].Encrypted", TRUE, exists="FileSystems[0]", not_found=("FileSystemNotFound",),
         label="encrypted"),
)
