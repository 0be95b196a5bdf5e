"""CloudTrail trails covering every region."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, is_true, set_attrs

REWRITER = Rewriter(
    id="cloudtrail_multi_region",
    iac=TF,
    rule_ids=("CKV_AWS_67", "AVD-AWS-0014", "aws-cloudtrail-enable-all-regions"),
    action="enable_cloudtrail_all_regions",
    title="Make the trail multi-region",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_67",), provider_check="cloudtrail_multi_region"),
    review_guidance=(
        "Events of every region are delivered to the trail bucket: more objects and, for data events, more cost."
    ),
    references=(
        "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail",
        "https://www.cisecurity.org/benchmark/amazon_web_services",
    ),
    apply=set_attrs(
        Setting("is_multi_region_trail", "true", accept=is_true),
    ),
    resource_types=("aws_cloudtrail",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False),
)
