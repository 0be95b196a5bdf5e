"""EKS control plane logs for every log type."""

from __future__ import annotations

from bot.hcledit import string_list
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

EKS_LOG_TYPES = ("api", "audit", "authenticator", "controllerManager", "scheduler")

REWRITER = Rewriter(
    id="eks_control_plane_logging",
    iac=TF,
    rule_ids=("CKV_AWS_37", "AVD-AWS-0038", "aws-eks-enable-control-plane-logging"),
    action="enable_eks_logging",
    title="Enable all EKS control plane log types",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_37",), provider_check="eks_control_plane_logging"),
    review_guidance=(
        "Logs go to CloudWatch Logs (/aws/eks/<cluster>/cluster) and are billed by volume; audit "
        "logs can be large on busy clusters."
    ),
    references=(
        "https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#enabled_cluster_log_types",
    ),
    apply=set_attrs(
        Setting(
            "enabled_cluster_log_types", string_list(EKS_LOG_TYPES), accept=lambda v: all(t in v for t in EKS_LOG_TYPES)
        ),
    ),
    resource_types=("aws_eks_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
