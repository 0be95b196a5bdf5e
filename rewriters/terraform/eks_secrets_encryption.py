"""EKS envelope encryption of Kubernetes secrets with a KMS key."""

from __future__ import annotations

from bot.hcledit import string_list
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, param_value, set_attrs

REWRITER = Rewriter(
    id="eks_secrets_encryption",
    iac=TF,
    rule_ids=("CKV_AWS_58", "AVD-AWS-0039", "aws-eks-encrypt-secrets"),
    action="enable_eks_secrets_encryption",
    title="Encrypt Kubernetes secrets with a KMS key",
    confidence=Level.medium,
    reversible=False,
    rollback_plan=(
        "Secrets encryption cannot be turned off once enabled; reverting the PR only removes it "
        "from code (Terraform then wants to replace the cluster: do not apply that)."
    ),
    verification=Verification(rules=("CKV_AWS_58",), provider_check="eks_secrets_encrypted"),
    review_guidance=(
        "Irreversible on the cluster. The key must be symmetric, in the cluster's region, and its "
        "policy must allow the cluster role; deleting the key later makes the cluster unusable."
    ),
    references=(
        "https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#encryption_config",
    ),
    apply=set_attrs(
        Setting("resources", string_list(["secrets"]), path=("encryption_config",), accept=lambda v: "secrets" in v),
        Setting("key_arn", param_value("kms_key_arn"), path=("encryption_config", "provider"), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key for secrets"),),
    resource_types=("aws_eks_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
