"""The VPC's default security group allows nothing (`aws_default_security_group` with no rules)."""

from __future__ import annotations

from bot.hcledit import EditRefused
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, guarded
from rewriters.terraform.vpc_common import add_attached, attached

RULES = ("ingress", "egress")


def _edit(ctx: RewriteContext, text: str) -> str:
    found = attached(ctx, text, "aws_default_security_group")
    if found is None:
        return add_attached(ctx, text, "aws_default_security_group", ())
    file, block = found
    if any(block.children(kind) for kind in RULES):
        where = f" in {file}" if file else ""
        raise EditRefused(f"aws_default_security_group.{block.labels[1]}{where} has rules; remove them by hand")
    return text


REWRITER = Rewriter(
    id="vpc_default_sg_restrict",
    iac=TF,
    rule_ids=("CKV2_AWS_12",),
    action="restrict_default_security_group",
    title="Remove every rule from the VPC's default security group",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply: Terraform stops managing the group, but the removed rules are not "
    "restored; re-add them (self-referencing ingress, all egress) by hand if something relied on them.",
    verification=Verification(rules=("CKV2_AWS_12",), provider_check="vpc_default_sg_closed"),
    review_guidance=(
        "Terraform adopts the default security group and deletes its rules (default: all traffic between "
        "members, all egress). Anything launched without an explicit security group (instances, Lambda in "
        "VPC, endpoints) loses network access: check `aws ec2 describe-network-interfaces` for the group first."
    ),
    references=(
        "https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_security_group",
    ),
    apply=guarded(_edit),
    resource_types=("aws_vpc",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
