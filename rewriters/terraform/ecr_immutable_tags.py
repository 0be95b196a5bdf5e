"""ECR immutable image tags."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="ecr_immutable_tags",
    iac=TF,
    rule_ids=("CKV_AWS_51", "AVD-AWS-0031", "aws-ecr-enforce-immutable-repository"),
    action="enable_ecr_tag_immutability",
    title="Make image tags immutable",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_51",), provider_check="ecr_tags_immutable"),
    review_guidance=(
        "Pipelines that re-push a moving tag (latest, main, dev) start failing; switch them to "
        "unique tags (commit SHA) first."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecr_repository",
    ),
    apply=set_attrs(
        Setting("image_tag_mutability", '"IMMUTABLE"'),
    ),
    resource_types=("aws_ecr_repository",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
