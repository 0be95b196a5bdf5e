"""Redshift clusters encrypted with a customer managed KMS key."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, Rewriter
from rewriters.terraform.common import TF, Setting, has_value, is_true, param_value, set_attrs

REWRITER = Rewriter(
    id="redshift_cmk",
    iac=TF,
    rule_ids=("CKV_AWS_142",),
    action="encrypt_redshift_with_cmk",
    title="Encrypt the cluster with a customer managed KMS key",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply: Redshift re-encrypts with the previous key (in place, takes time).",
    verification=Verification(rules=("CKV_AWS_142",), provider_check="redshift_kms"),
    review_guidance=(
        "Redshift migrates the data to the new key in place; the cluster is read-only during the "
        "migration. The key policy must allow Redshift to use it."
    ),
    references=(
        "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster",
    ),
    apply=set_attrs(
        Setting("encrypted", "true", accept=is_true),
        Setting("kms_key_id", param_value("kms_key_arn"), accept=has_value),
    ),
    parameters=(Param(name="kms_key_arn", description="ARN or reference of the KMS key"),),
    resource_types=("aws_redshift_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
