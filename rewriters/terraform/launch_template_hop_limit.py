"""Instance metadata responses limited to one network hop."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="launch_template_hop_limit",
    iac=TF,
    rule_ids=("CKV_AWS_341",),
    action="limit_imds_hop",
    title="Limit the metadata response hop count to 1",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place for templates; new instances pick it up).",
    verification=Verification(rules=("CKV_AWS_341",), provider_check="ec2_imds_hop_limit"),
    review_guidance=(
        "Containers in bridge networking (Docker, EKS pods without IRSA) can no longer reach IMDSv2 "
        "with a hop limit of 1: give pods IRSA/EKS Pod Identity first."
    ),
    references=(
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template",
    ),
    apply=set_attrs(
        Setting("http_put_response_hop_limit", "1", path=("metadata_options",)),
    ),
    resource_types=("aws_launch_template", "aws_launch_configuration"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
