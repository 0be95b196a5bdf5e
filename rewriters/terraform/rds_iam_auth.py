"""RDS IAM database authentication."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="rds_iam_auth",
    iac=TF,
    rule_ids=("CKV_AWS_161", "CKV_AWS_162", "CKV_AWS_359", "AVD-AWS-0176", "aws-rds-enable-iam-auth"),
    action="enable_rds_iam_auth",
    title="Enable IAM database authentication",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place); password logins keep working either way."),
    verification=Verification(rules=("CKV_AWS_161", "CKV_AWS_162", "CKV_AWS_359"), provider_check="rds_iam_auth"),
    review_guidance=(
        "Only adds a login method: existing password users are unaffected. Engines that do not "
        "support IAM auth (e.g. SQL Server, Oracle) reject it at apply time."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    ),
    apply=set_attrs(
        Setting("iam_database_authentication_enabled", "true", accept=is_true),
    ),
    resource_types=("aws_db_instance", "aws_rds_cluster", "aws_neptune_cluster"),
    facts=ChangeFacts(network=False, iam=True, deletes=False, data_loss=False, disruption=False, restart=False),
)
