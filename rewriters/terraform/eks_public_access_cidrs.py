"""EKS public API endpoint restricted to the CIDRs a human chose."""

from __future__ import annotations

import ipaddress

from bot.hcledit import EditRefused, string_list
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param, set_attrs


def _cidrs(ctx: RewriteContext) -> str:
    raw = [c.strip() for c in param(ctx, "admin_cidrs").split(",") if c.strip()]
    nets = []
    for item in raw:
        try:
            net = ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise EditRefused(f"parameter admin_cidrs: {item!r} is not a CIDR") from None
        if net.prefixlen == 0:
            raise EditRefused("parameter admin_cidrs must not contain the whole internet")
        nets.append(str(net))
    return string_list(nets)


def _not_world(value: str) -> bool:
    return has_value(value) and value.strip() != "[]" and "0.0.0.0/0" not in value


REWRITER = Rewriter(
    id="eks_public_access_cidrs",
    iac=TF,
    rule_ids=("CKV_AWS_38", "AVD-AWS-0041", "aws-eks-no-public-cluster-access-to-cidr"),
    action="restrict_eks_public_cidrs",
    title="Restrict the EKS public endpoint to known CIDRs",
    confidence=Level.low,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): the endpoint is open to 0.0.0.0/0 again.",
    verification=Verification(rules=("CKV_AWS_38",), provider_check="eks_public_access_cidrs"),
    review_guidance=(
        "kubectl, CI runners and nodes without a private endpoint path lose API access from addresses"
        " outside the list: enable endpoint_private_access for nodes and include CI egress IPs."
    ),
    references=(
        "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster",
    ),
    apply=set_attrs(
        Setting("public_access_cidrs", _cidrs, path=("vpc_config",), accept=_not_world),
    ),
    parameters=(
        Param(
            name="admin_cidrs",
            description="comma-separated CIDRs allowed to reach the public API endpoint (office, VPN, CI egress)",
        ),
    ),
    resource_types=("aws_eks_cluster",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
