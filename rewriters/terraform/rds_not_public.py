"""RDS instances not reachable from the internet (`publicly_accessible = false`)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_false, set_attrs

REWRITER = Rewriter(
    id="rds_not_public",
    iac=TF,
    rule_ids=("CKV_AWS_17", "CKV_AWS_102", "AVD-AWS-0180", "aws-rds-no-public-db-access"),
    action="disable_rds_public_access",
    title="Make the RDS instance private",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply: the instance gets its public DNS/IP again (in place, no data change)."),
    verification=Verification(rules=("CKV_AWS_17", "CKV_AWS_102"), provider_check="rds_not_publicly_accessible"),
    review_guidance=(
        "Clients outside the VPC (laptops, SaaS BI tools, CI) lose direct access; give them a "
        "bastion, VPN or RDS Proxy first. The change applies in place."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    ),
    apply=set_attrs(
        Setting("publicly_accessible", "false", accept=is_false),
    ),
    resource_types=("aws_db_instance", "aws_rds_cluster_instance", "aws_neptune_cluster_instance"),
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
