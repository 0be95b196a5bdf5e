"""Security group and rule descriptions (CKV_AWS_23), without forcing a group replacement."""

from __future__ import annotations

from bot.hcledit import Block, add_attribute, ensure_attr, locate, quote
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, address, guarded, has_value

# The provider's own default: setting it explicitly changes nothing in AWS (description is ForceNew).
PROVIDER_DEFAULT = "Managed by Terraform"


def _literal(block: Block, name: str, default: str) -> str:
    attr = block.attr(name)
    return attr.value.strip().strip('"') if attr is not None else default


def describe(block: Block, direction: str) -> str:
    protocol = _literal(block, "protocol", "tcp")
    low, high = _literal(block, "from_port", "?"), _literal(block, "to_port", "?")
    ports = "all ports" if protocol in ("-1", "all") else (f"port {low}" if low == high else f"ports {low}-{high}")
    proto = "all traffic" if protocol in ("-1", "all") else protocol
    return f"{direction.capitalize()} {proto} {ports}".replace(" all traffic all ports", " all traffic")


def _edit(ctx: RewriteContext, text: str) -> str:
    addr = address(ctx)
    block = locate(text, addr)
    if ctx.resource.type == "aws_security_group_rule":
        return ensure_attr(
            text, addr, (), "description", quote(describe(block, _literal(block, "type", "rule"))), has_value
        )
    text = ensure_attr(text, addr, (), "description", quote(PROVIDER_DEFAULT), has_value)
    for direction in ("ingress", "egress"):
        for index in range(len(locate(text, addr).children(direction))):
            rule = locate(text, addr).children(direction)[index]
            if rule.attr("description") is None:
                text = add_attribute(text, rule, "description", quote(describe(rule, direction)))
    return text


REWRITER = Rewriter(
    id="sg_rule_descriptions",
    iac=TF,
    rule_ids=(
        "CKV_AWS_23",
        "AVD-AWS-0099",
        "AVD-AWS-0124",
        "aws-ec2-add-description-to-security-group",
        "aws-ec2-add-description-to-security-group-rule",
    ),
    action="add_security_group_description",
    title="Describe the security group and each of its rules",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply: rule descriptions are cleared (in place, no traffic impact).",
    verification=Verification(rules=("CKV_AWS_23",), provider_check="sg_rules_described"),
    review_guidance="Generated descriptions state only protocol and ports; replace them with the "
    "business reason. A missing group description is set to the provider default on purpose: any "
    "other text would force AWS to replace the security group.",
    references=(
        "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group",
    ),
    apply=guarded(_edit),
    resource_types=("aws_security_group", "aws_security_group_rule"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
