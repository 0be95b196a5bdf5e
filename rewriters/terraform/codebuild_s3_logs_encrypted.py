"""CodeBuild S3 build logs stay encrypted."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="codebuild_s3_logs_encrypted",
    iac=TF,
    rule_ids=("CKV_AWS_311",),
    action="encrypt_codebuild_logs",
    title="Encrypt CodeBuild S3 logs",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_311",), provider_check="codebuild_logs_encrypted"),
    review_guidance=(
        "Build logs written to S3 are encrypted with the project's key; readers need kms:Decrypt on a"
        " customer managed key."
    ),
    references=(
        "https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codebuild_project",
    ),
    apply=set_attrs(
        Setting("encryption_disabled", "false", path=("logs_config", "s3_logs"), accept=is_false),
    ),
    resource_types=("aws_codebuild_project",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
