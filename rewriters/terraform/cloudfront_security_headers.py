"""CloudFront default behaviour adds the AWS managed security headers (HSTS, nosniff, frame options)."""

from __future__ import annotations

from bot.hcledit import BlockSpec, append_sibling, locate, top_blocks
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, Setting, address, apply_settings, guarded, has_value

MANAGED = '"Managed-SecurityHeadersPolicy"'
DATA = "aws_cloudfront_response_headers_policy"


def _managed_policy(ctx: RewriteContext, text: str) -> str | None:
    for source in (text, *ctx.file_texts.values()):
        for block in top_blocks(source.encode("utf-8")):
            name = block.attr("name")
            if block.kind == "data" and block.labels[:1] == (DATA,) and name and name.value.strip() == MANAGED:
                return block.labels[1]
    return None


def _edit(ctx: RewriteContext, text: str) -> str:
    behaviour = locate(text, address(ctx)).child("default_cache_behavior")
    current = behaviour.attr("response_headers_policy_id") if behaviour is not None else None
    if current is not None and has_value(current.value):
        return text
    name = _managed_policy(ctx, text)
    ref = f"data.{DATA}.{name or 'security_headers'}.id"
    setting = Setting("response_headers_policy_id", ref, path=("default_cache_behavior",))
    text = apply_settings(ctx, text, (setting,))
    if name is None:
        spec = BlockSpec("data", (DATA, "security_headers"), (("name", MANAGED),))
        text = append_sibling(text, locate(text, address(ctx)), spec)
    return text


REWRITER = Rewriter(
    id="cloudfront_security_headers",
    iac=TF,
    rule_ids=("CKV2_AWS_32",),
    action="add_cloudfront_security_headers",
    title="Add the managed security headers policy",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): responses lose the added headers (browsers keep HSTS "
    "for its max-age).",
    verification=Verification(rules=("CKV2_AWS_32",), provider_check="cloudfront_response_headers"),
    review_guidance=(
        "Adds Strict-Transport-Security (1 year), X-Content-Type-Options, X-Frame-Options SAMEORIGIN, "
        "Referrer-Policy and X-XSS-Protection. Pages embedded by other sites in iframes break, and browsers "
        "refuse plain HTTP to this host for a year."
    ),
    references=(
        "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/cloudfront_response_headers_policy",
    ),
    apply=guarded(_edit),
    resource_types=("aws_cloudfront_distribution",),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
