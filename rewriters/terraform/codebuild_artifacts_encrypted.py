"""CodeBuild artifacts stay encrypted."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="codebuild_artifacts_encrypted",
    iac=TF,
    rule_ids=("CKV_AWS_78",),
    action="encrypt_codebuild_artifacts",
    title="Encrypt CodeBuild artifacts",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_78",), provider_check="codebuild_artifacts_encrypted"),
    review_guidance=(
        "Artifacts are encrypted with the project's key; consumers need kms:Decrypt on a customer managed key."
    ),
    references=(
        "https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project",
    ),
    apply=set_attrs(
        Setting("encryption_disabled", "false", path=("artifacts",), accept=is_false),
    ),
    resource_types=("aws_codebuild_project",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
