"""Enable automated backups on the Cloud SQL instance (CKV_GCP_14)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="gcp_sql_backups",
    iac=TF,
    rule_ids=("CKV_GCP_14",),
    action="enable_cloudsql_backups",
    title="Enable automated backups on the Cloud SQL instance",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place); existing backups are kept until they expire."),
    verification=Verification(rules=("CKV_GCP_14",), provider_check="cloudsql_backups_enabled"),
    review_guidance=("Daily backups are billed as storage; choose a start_time outside peak hours."),
    references=(
        "https://cloud.google.com/sql/docs/postgres/backup-recovery/backups",
        "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance#backup_configuration",
    ),
    apply=set_attrs(
        Setting("enabled", "true", path=("settings", "backup_configuration"), accept=is_true),
    ),
    resource_types=("google_sql_database_instance",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
