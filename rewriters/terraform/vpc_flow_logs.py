"""VPC flow logs to the destination a human chose (S3 bucket, or CloudWatch log group + role)."""

from __future__ import annotations

from bot.hcledit import EditRefused
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.common import TF, guarded, hcl_value, param
from rewriters.terraform.vpc_common import add_attached, attached


def _destination(ctx: RewriteContext) -> tuple[tuple[str, str], ...]:
    dest = param(ctx, "log_destination")
    if dest.startswith("aws_cloudwatch_log_group.") or ":logs:" in dest:
        role = param(ctx, "iam_role_arn")
        return (
            ("log_destination_type", '"cloud-watch-logs"'),
            ("log_destination", hcl_value(dest)),
            ("iam_role_arn", hcl_value(role)),
        )
    if not (dest.startswith("aws_s3_bucket.") or dest.startswith("arn:aws:s3:::")):
        raise EditRefused(f"parameter log_destination {dest!r} is neither an S3 bucket ARN nor a log group")
    return (("log_destination_type", '"s3"'), ("log_destination", hcl_value(dest)))


def _edit(ctx: RewriteContext, text: str) -> str:
    if attached(ctx, text, "aws_flow_log") is not None:
        return text
    return add_attached(ctx, text, "aws_flow_log", (("traffic_type", '"ALL"'), *_destination(ctx)))


REWRITER = Rewriter(
    id="vpc_flow_logs",
    iac=TF,
    rule_ids=("CKV2_AWS_11", "AVD-AWS-0178", "aws-ec2-require-vpc-flow-logs-for-all-vpcs"),
    action="enable_vpc_flow_logs",
    title="Record VPC flow logs",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply: the flow log is deleted; delivered records stay at the destination.",
    verification=Verification(rules=("CKV2_AWS_11",), provider_check="vpc_flow_logs"),
    review_guidance=(
        "Flow log records are billed (vended logs) and stored at the destination. An S3 destination needs "
        "a bucket policy allowing delivery.logs.amazonaws.com; a CloudWatch destination needs the role "
        "trusted by vpc-flow-logs.amazonaws.com with logs:CreateLogStream/PutLogEvents."
    ),
    references=(
        "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/flow_log",
    ),
    apply=guarded(_edit),
    parameters=(
        Param(
            name="log_destination",
            description="S3 bucket ARN or CloudWatch log group ARN/reference (e.g. aws_s3_bucket.flow_logs.arn)",
        ),
        Param(name="iam_role_arn", description="role delivering to CloudWatch Logs (only for a log group)", default=""),
    ),
    resource_types=("aws_vpc",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
