"""EC2 instance metadata: require IMDSv2 session tokens."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, set_attrs

REWRITER = Rewriter(
    id="ec2_imdsv2",
    iac=TF,
    rule_ids=("CKV_AWS_79", "AVD-AWS-0028", "aws-ec2-enforce-http-token-imds"),
    action="require_imdsv2",
    title="Require IMDSv2 (http_tokens = required)",
    confidence=Level.medium,
    reversible=True,
    rollback_plan=("Revert the PR and apply: IMDSv1 requests are accepted again (in place)."),
    verification=Verification(rules=("CKV_AWS_79",), provider_check="ec2_imdsv2_required"),
    review_guidance=(
        "Software calling the metadata service without a session token (old SDKs/agents, curl "
        "scripts) gets 401 afterwards. Current AWS SDKs and agents support IMDSv2; check custom "
        "scripts and containers with hop limit 1."
    ),
    references=(
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#metadata-options",
    ),
    apply=set_attrs(
        Setting("http_tokens", '"required"', path=("metadata_options",)),
    ),
    resource_types=("aws_instance", "aws_launch_template", "aws_launch_configuration"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
