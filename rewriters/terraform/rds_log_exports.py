"""Database logs exported to CloudWatch Logs: the log types the engine supports.

RDS instances and Aurora/RDS clusters (`enabled_cloudwatch_logs_exports`), DocumentDB
(`audit`, `profiler`) and Neptune (`enable_cloudwatch_logs_exports = ["audit"]`). MySQL-family
clusters must export `audit`. The engine must be a literal: the list depends on it.
"""

from __future__ import annotations

import re

from bot.hcledit import EditRefused, ensure_attr, locate, string_list
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, address, guarded

MYSQL = ("audit", "error", "general", "slowquery")
BY_ENGINE: dict[str, tuple[str, ...]] = {
    "mysql": MYSQL,
    "mariadb": MYSQL,
    "aurora": MYSQL,
    "aurora-mysql": MYSQL,
    "postgres": ("postgresql", "upgrade"),
    "aurora-postgresql": ("postgresql",),
    "docdb": ("audit", "profiler"),
    "neptune": ("audit",),
}
PREFIXES = {"oracle": ("alert", "audit", "listener", "trace"), "sqlserver": ("agent", "error")}
DEFAULT_ENGINE = {"aws_rds_cluster": "aurora", "aws_docdb_cluster": "docdb", "aws_neptune_cluster": "neptune"}
MUST_HAVE_AUDIT = ("aws_rds_cluster", "aws_neptune_cluster")  # CKV_AWS_325 (MySQL family), CKV_AWS_101
_LITERAL_LIST = re.compile(r'\[\s*(?:"[a-z-]+"\s*,?\s*)*\]')


def _engine(ctx: RewriteContext, text: str) -> str:
    attr = locate(text, address(ctx)).attr("engine")
    if attr is None:
        return DEFAULT_ENGINE.get(ctx.resource.type, "")
    value = attr.value.strip()
    if not re.fullmatch(r'"[a-z0-9-]+"', value):
        raise EditRefused(f"engine is {value[:40]!r}, not a literal; the log types depend on it, set them by hand")
    return value.strip('"')


def _log_types(ctx: RewriteContext, engine: str) -> tuple[str, ...]:
    types = BY_ENGINE.get(engine) or next((v for k, v in PREFIXES.items() if engine.startswith(k)), None)
    if types is None:
        raise EditRefused(f"unknown engine {engine!r}; choose the log types to export by hand")
    return types


def _wanted(current: list[str], types: tuple[str, ...], need_audit: bool) -> list[str]:
    if not current:
        return list(types)
    if need_audit and "audit" in types and "audit" not in current:
        return [*current, "audit"]
    return current


def _edit(ctx: RewriteContext, text: str) -> str:
    name = (
        "enable_cloudwatch_logs_exports"
        if ctx.resource.type == "aws_neptune_cluster"
        else "enabled_cloudwatch_logs_exports"
    )
    types = _log_types(ctx, _engine(ctx, text))
    attr = locate(text, address(ctx)).attr(name)
    current: list[str] = []
    if attr is not None:
        if not _LITERAL_LIST.fullmatch(attr.value.strip()):
            raise EditRefused(f"{name} is not a literal list; add the log types by hand")
        current = re.findall(r'"([a-z-]+)"', attr.value)
    wanted = _wanted(current, types, ctx.resource.type in MUST_HAVE_AUDIT)
    if attr is not None and wanted == current:
        return text
    return ensure_attr(text, address(ctx), (), name, string_list(wanted))


REWRITER = Rewriter(
    id="rds_log_exports",
    iac=TF,
    rule_ids=("CKV_AWS_129", "CKV_AWS_324", "CKV_AWS_325", "CKV_AWS_85", "CKV_AWS_101"),
    action="enable_database_log_exports",
    title="Export database logs to CloudWatch Logs",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): exports stop; exported logs stay in CloudWatch.",
    verification=Verification(
        rules=("CKV_AWS_129", "CKV_AWS_324", "CKV_AWS_325", "CKV_AWS_85", "CKV_AWS_101"),
        provider_check="rds_log_exports",
    ),
    review_guidance=(
        "Log groups /aws/rds/... (or /aws/docdb, /aws/neptune) are created and billed per GB ingested. "
        "MySQL/MariaDB audit logs need the MARIADB_AUDIT_PLUGIN option group, general/slow query logs "
        "the matching parameters, DocumentDB audit/profiler logs the audit_logs/profiler parameters; "
        "without them the export is on but nearly empty."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html",
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Integrating.CloudWatch.html",
        "https://docs.aws.amazon.com/documentdb/latest/developerguide/cloud_watch.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    ),
    apply=guarded(_edit),
    resource_types=("aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
