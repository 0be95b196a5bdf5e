"""Athena query results encrypted (SSE-S3 unless a key is configured)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, has_value, set_attrs

REWRITER = Rewriter(
    id="athena_workgroup_encryption",
    iac=TF,
    rule_ids=("CKV_AWS_159",),
    action="encrypt_athena_results",
    title="Encrypt Athena query results",
    confidence=Level.high,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_159",), provider_check="athena_workgroup_encryption"),
    review_guidance=(
        "New query results are written encrypted with SSE-S3; readers of the results bucket are unaffected."
    ),
    references=(
        "https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/athena_workgroup",
    ),
    apply=set_attrs(
        Setting(
            "encryption_option",
            '"SSE_S3"',
            path=("configuration", "result_configuration", "encryption_configuration"),
            accept=has_value,
        ),
    ),
    resource_types=("aws_athena_workgroup",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
