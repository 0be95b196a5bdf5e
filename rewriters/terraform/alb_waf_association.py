"""Internet-facing application load balancers protected by the WAF web ACL a human chose."""

from __future__ import annotations

from bot.models.common import Level
from bot.models.plan import Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.attach_common import add_attached, attached, own_ref
from rewriters.terraform.common import TF, guarded, param_value

ASSOCIATION = "aws_wafv2_web_acl_association"


def _edit(ctx: RewriteContext, text: str) -> str:
    arn = own_ref(ctx, "arn")
    if attached(ctx, text, ASSOCIATION, "resource_arn", arn) is not None:
        return text
    acl = param_value("web_acl_arn")(ctx)
    return add_attached(ctx, text, ASSOCIATION, ("resource_arn", arn), (("web_acl_arn", acl),))


REWRITER = Rewriter(
    id="alb_waf_association",
    iac=TF,
    rule_ids=("CKV2_AWS_28",),
    action="attach_waf_to_alb",
    title="Protect the load balancer with a WAF web ACL",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply: the association is removed (in place).",
    verification=Verification(rules=("CKV2_AWS_28",), provider_check="alb_waf_association"),
    review_guidance=(
        "Requests the web ACL blocks (managed rule false positives: large bodies, SQL-like payloads) fail "
        "with 403 afterwards. Start the ACL's rules in count mode and review sampled requests. WAF is billed "
        "per ACL, rule and request."
    ),
    references=(
        "https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/wafv2_web_acl_association",
    ),
    apply=guarded(_edit),
    parameters=(Param(name="web_acl_arn", description="ARN or reference of the REGIONAL aws_wafv2_web_acl"),),
    resource_types=("aws_lb", "aws_alb"),
)
