"""EKS API endpoint reachable only from the VPC."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, is_true, set_attrs

REWRITER = Rewriter(
    id="eks_private_endpoint",
    iac=TF,
    rule_ids=("CKV_AWS_39", "AVD-AWS-0040", "aws-eks-no-public-cluster-access"),
    action="disable_eks_public_endpoint",
    title="Make the EKS API endpoint private",
    confidence=Level.low,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place, takes minutes)."),
    verification=Verification(rules=("CKV_AWS_39",), provider_check="eks_endpoint_private"),
    review_guidance=(
        "kubectl, CI/CD and GitOps agents outside the VPC lose access to the cluster API. Provide "
        "VPN/bastion/peered access first; the private endpoint is switched on so in-VPC nodes "
        "keep working."
    ),
    references=(
        "https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#vpc_config",
    ),
    apply=set_attrs(
        Setting("endpoint_private_access", "true", path=("vpc_config",), accept=is_true),
        Setting("endpoint_public_access", "false", path=("vpc_config",), accept=is_false),
    ),
    resource_types=("aws_eks_cluster",),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
