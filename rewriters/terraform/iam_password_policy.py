"""IAM account password policy: CIS strength, reuse and expiry settings."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, at_least, is_true, set_attrs


def _within_90_days(value: str) -> bool:
    v = value.strip()
    return v.isdigit() and 0 < int(v) <= 90


REWRITER = Rewriter(
    id="iam_password_policy",
    iac=TF,
    rule_ids=(
        "CKV_AWS_9",
        "CKV_AWS_10",
        "CKV_AWS_11",
        "CKV_AWS_12",
        "CKV_AWS_13",
        "CKV_AWS_14",
        "CKV_AWS_15",
        "AVD-AWS-0062",
        "AVD-AWS-0063",
        "AVD-AWS-0058",
        "AVD-AWS-0059",
        "AVD-AWS-0056",
        "AVD-AWS-0060",
        "AVD-AWS-0061",
        "aws-iam-set-max-password-age",
        "aws-iam-set-minimum-password-length",
        "aws-iam-require-lowercase-in-passwords",
        "aws-iam-require-numbers-in-passwords",
        "aws-iam-no-password-reuse",
        "aws-iam-require-symbols-in-passwords",
        "aws-iam-require-uppercase-in-passwords",
    ),
    action="strengthen_password_policy",
    title="Require strong, rotated, non-reused IAM user passwords",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place); passwords set under the stricter policy stay valid.",
    verification=Verification(
        rules=(
            "CKV_AWS_9",
            "CKV_AWS_10",
            "CKV_AWS_11",
            "CKV_AWS_12",
            "CKV_AWS_13",
            "CKV_AWS_14",
            "CKV_AWS_15",
        ),
        provider_check="iam_password_policy",
    ),
    review_guidance=(
        "Console users must pick a compliant password at their next change, and passwords older than "
        "90 days expire: warn users before applying. Programmatic access keys are unaffected."
    ),
    references=(
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html",
        "https://www.cisecurity.org/benchmark/amazon_web_services",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_account_password_policy",
    ),
    apply=set_attrs(
        Setting("minimum_password_length", "14", accept=at_least(14)),
        Setting("require_lowercase_characters", "true", accept=is_true),
        Setting("require_numbers", "true", accept=is_true),
        Setting("require_symbols", "true", accept=is_true),
        Setting("require_uppercase_characters", "true", accept=is_true),
        Setting("password_reuse_prevention", "24", accept=at_least(24)),
        Setting("max_password_age", "90", accept=_within_90_days),
    ),
    resource_types=("aws_iam_account_password_policy",),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=True, restart=False),
)
