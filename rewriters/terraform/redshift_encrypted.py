"""Redshift cluster encryption at rest."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="redshift_encrypted",
    iac=TF,
    rule_ids=("CKV_AWS_64", "AVD-AWS-0084"),
    action="enable_redshift_encryption",
    title="Encrypt the Redshift cluster",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply (AWS migrates the data back, cluster read-only meanwhile)."),
    verification=Verification(rules=("CKV_AWS_64",), provider_check="redshift_encrypted"),
    review_guidance=(
        "AWS migrates the data to an encrypted cluster in place; the cluster is read-only during "
        "the migration (hours for large clusters). Schedule it."
    ),
    references=(
        "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#encrypted",
    ),
    apply=set_attrs(
        Setting("encrypted", "true", accept=is_true),
    ),
    resource_types=("aws_redshift_cluster",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
