"""CloudFront viewers must use TLS 1.2 or newer."""

from __future__ import annotations

from bot.hcledit import EditRefused, locate
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, Setting, address, apply_settings, guarded, one_of

MIN_TLS = Setting(
    "minimum_protocol_version",
    '"TLSv1.2_2021"',
    path=("viewer_certificate",),
    accept=one_of("TLSv1.2_2019", "TLSv1.2_2021"),
)


def _edit(ctx: RewriteContext, text: str) -> str:
    cert = locate(text, address(ctx)).child("viewer_certificate")
    default = cert.attr("cloudfront_default_certificate") if cert is not None else None
    if cert is None or (default is not None and default.value.strip() == "true"):
        raise EditRefused("the distribution uses the default *.cloudfront.net certificate; TLS 1.2 needs a custom one")
    return apply_settings(ctx, text, (MIN_TLS,))


REWRITER = Rewriter(
    id="cloudfront_tls12",
    iac=TF,
    rule_ids=("CKV_AWS_174", "AVD-AWS-0013", "aws-cloudfront-use-secure-tls-policy"),
    action="set_cloudfront_min_tls",
    title="Require TLS 1.2 from viewers",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place).",
    verification=Verification(rules=("CKV_AWS_174",), provider_check="cloudfront_min_tls"),
    review_guidance=(
        "Viewers limited to TLS 1.0/1.1 (very old browsers and devices) can no longer connect. "
        "Distributions on the default *.cloudfront.net certificate cannot set this; they are left "
        "alone."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudfront_distribution",
    ),
    apply=guarded(_edit),
    resource_types=("aws_cloudfront_distribution",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
