"""ECR repositories encrypted with KMS."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="ecr_kms_encryption",
    iac=TF,
    rule_ids=("CKV_AWS_136", "AVD-AWS-0033", "aws-ecr-repository-customer-key"),
    action="encrypt_ecr_with_kms",
    title="Encrypt the repository with KMS",
    confidence=Level.low,
    reversible=False,
    rollback_plan=("The repository must be recreated to change encryption: push the images again after reverting."),
    verification=Verification(rules=("CKV_AWS_136",), provider_check="ecr_kms"),
    review_guidance=(
        "encryption_configuration forces a NEW repository: Terraform refuses to delete one holding "
        "images unless force_delete is set, and every image must be pushed again. Create the KMS "
        "repository alongside and migrate instead on busy repositories."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository",
    ),
    apply=set_attrs(
        Setting("encryption_type", '"KMS"', path=("encryption_configuration",)),
    ),
    resource_types=("aws_ecr_repository",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=True, disruption=True, restart=False),
)
