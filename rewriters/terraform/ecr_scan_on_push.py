"""ECR image scanning on push."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="ecr_scan_on_push",
    iac=TF,
    rule_ids=("CKV_AWS_163", "AVD-AWS-0030", "aws-ecr-enable-image-scans"),
    action="enable_ecr_scan_on_push",
    title="Scan images on push",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_163",), provider_check="ecr_scan_on_push"),
    review_guidance=("Basic scanning is free; results appear in ECR and Security Hub. No effect on pushes or pulls."),
    references=(
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository",
    ),
    apply=set_attrs(
        Setting("scan_on_push", "true", path=("image_scanning_configuration",), accept=is_true),
    ),
    resource_types=("aws_ecr_repository",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
