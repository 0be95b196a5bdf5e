"""CloudFront viewers redirected to HTTPS."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Rewriter
from rewriters.terraform.common import TF, Setting, one_of, set_attrs

REWRITER = Rewriter(
    id="cloudfront_https",
    iac=TF,
    rule_ids=("CKV_AWS_34", "AVD-AWS-0012", "aws-cloudfront-enforce-https"),
    action="enforce_cloudfront_https",
    title="Redirect CloudFront viewers to HTTPS",
    confidence=Level.high,
    reversible=True,
    rollback_plan=("Revert the PR and apply (in place)."),
    verification=Verification(rules=("CKV_AWS_34",), provider_check="cloudfront_https_only"),
    review_guidance=(
        "HTTP requests get a 301 to HTTPS; only non-browser clients that cannot follow redirects are affected."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution",
    ),
    apply=set_attrs(
        Setting(
            "viewer_protocol_policy",
            '"redirect-to-https"',
            path=("default_cache_behavior",),
            accept=one_of("redirect-to-https", "https-only"),
        ),
    ),
    resource_types=("aws_cloudfront_distribution",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
