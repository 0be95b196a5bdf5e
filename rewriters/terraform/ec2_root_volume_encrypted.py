"""EC2 instance / launch configuration block devices encrypted."""

from __future__ import annotations

from bot.hcledit import add_attribute, ensure_attr, locate, replace_value
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, address, guarded, is_true


def _edit(ctx: RewriteContext, text: str) -> str:
    addr = address(ctx)
    text = ensure_attr(text, addr, ("root_block_device",), "encrypted", "true", is_true)
    for index in range(len(locate(text, addr).children("ebs_block_device"))):
        device = locate(text, addr).children("ebs_block_device")[index]
        attr = device.attr("encrypted")
        if attr is None:
            text = add_attribute(text, device, "encrypted", "true")
        elif not is_true(attr.value):
            text = replace_value(text, attr, "true")
    return text


REWRITER = Rewriter(
    id="ec2_root_volume_encrypted",
    iac=TF,
    rule_ids=("CKV_AWS_8", "AVD-AWS-0131", "aws-ec2-enable-at-rest-encryption"),
    action="enable_instance_volume_encryption",
    title="Encrypt the instance's root and EBS block devices",
    confidence=Level.low,
    reversible=False,
    rollback_plan="Volume encryption cannot be removed in place; reverting needs a new instance built from "
    "the pre-change AMI / snapshots.",
    verification=Verification(rules=("CKV_AWS_8",), provider_check="ec2_volumes_encrypted"),
    review_guidance="Changing encryption of block devices REPLACES the instance (new root volume, new "
    "private IP unless fixed, local data lost). For launch configurations only new instances are affected. "
    "Alternatively enable EBS encryption by default for the account/region.",
    references=(
        "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#ebs-ephemeral-and-root-block-devices",
    ),
    apply=guarded(_edit),
    resource_types=("aws_instance", "aws_launch_configuration"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=True),
)
