"""RDS clusters, EBS volumes and EFS file systems selected by the AWS Backup plan a human chose."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.attach_common import add_attached, attached, own_ref
from rewriters.terraform.common import TF, guarded, param_value

SELECTION = "aws_backup_selection"


def _edit(ctx: RewriteContext, text: str) -> str:
    arn = own_ref(ctx, "arn")
    if attached(ctx, text, SELECTION, "resources", arn) is not None:
        return text
    items = (
        ("name", f'"{ctx.resource.name}"'),
        ("plan_id", param_value("backup_plan_id")(ctx)),
        ("iam_role_arn", param_value("backup_role_arn")(ctx)),
    )
    return add_attached(ctx, text, SELECTION, ("resources", f"[{arn}]"), items)


REWRITER = Rewriter(
    id="backup_selection",
    iac=TF,
    rule_ids=("CKV2_AWS_8", "CKV2_AWS_9", "CKV2_AWS_18"),
    action="add_to_backup_plan",
    title="Add the resource to an AWS Backup plan",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply: the selection is removed; recovery points already taken are kept.",
    verification=Verification(rules=("CKV2_AWS_8", "CKV2_AWS_9", "CKV2_AWS_18"), provider_check="backup_selection"),
    review_guidance=(
        "Recovery points are billed by storage; the role needs AWSBackupServiceRolePolicyForBackup (and, for "
        "CMK-encrypted resources, kms:CreateGrant on the key). Check the plan's schedule and retention fit "
        "this resource."
    ),
    references=(
        "https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/backup_selection",
    ),
    apply=guarded(_edit),
    parameters=(
        Param(
            name="backup_plan_id", description="id or reference of the aws_backup_plan (e.g. aws_backup_plan.daily.id)"
        ),
        Param(name="backup_role_arn", description="ARN or reference of the role AWS Backup assumes"),
    ),
    resource_types=("aws_rds_cluster", "aws_ebs_volume", "aws_efs_file_system"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
