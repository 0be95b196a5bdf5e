"""RDS instances use a current server CA (rds-ca-rsa2048-g1)."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="rds_ca_cert",
    iac=TF,
    rule_ids=("CKV_AWS_211",),
    action="rotate_rds_ca_certificate",
    title="Use a current RDS certificate authority",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply: the instance presents a certificate from the old CA again (restart)."),
    verification=Verification(rules=("CKV_AWS_211",), provider_check="rds_ca_certificate"),
    review_guidance=(
        "Clients that verify the server certificate need the new CA in their trust store "
        "(global-bundle.pem) first. Applying restarts the instance unless it is already on the new "
        "CA."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL-certificate-rotation.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance",
    ),
    apply=set_attrs(
        Setting(
            "ca_cert_identifier",
            '"rds-ca-rsa2048-g1"',
            accept=one_of("rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"),
        ),
    ),
    resource_types=("aws_db_instance",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=True),
)
