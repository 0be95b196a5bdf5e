"""Provider checks still missing after the second wave of AWS rewriters (merged from main at the
end of issue 13). The meta-test requires the gaps to equal this list exactly: a new gap fails it, and
so does a gap that was filled and not removed here. Fill one: an `attr(...)` entry in
`bot/provider/aws/checks_*.py` (+ an `IdSpec` in `bot/provider/aws/catalog.py` for a new type), then
delete its line. `python -m bot.provider.coverage` prints the current gaps."""

from __future__ import annotations

MISSING: dict[str, tuple[str, ...]] = {
    "aws": (
    ),
    "kubernetes": (
    ),
    "simulated": (
    ),
}

# AWS types the new rewriters fix that have no live-id rule yet (the AWS provider reports
# `unverifiable: not supported` for them). aws_qldb_ledger stays here: Amazon QLDB reached end of
# support and botocore no longer ships its API, so no check can read a ledger
UNREAD_AWS_TYPES: tuple[str, ...] = (
    "aws_api_gateway_domain_name",
    "aws_api_gateway_method_settings",
    "aws_api_gateway_stage",
    "aws_apigatewayv2_stage",
    "aws_backup_vault",
    "aws_codebuild_project",
    "aws_docdb_cluster_parameter_group",
    "aws_ebs_encryption_by_default",
    "aws_ecs_service",
    "aws_ecs_task_definition",
    "aws_iam_account_password_policy",
    "aws_msk_cluster",
    "aws_mwaa_environment",
    "aws_qldb_ledger",
    "aws_redshift_parameter_group",
    "aws_route53domains_registered_domain",
    "aws_ses_configuration_set",
)
