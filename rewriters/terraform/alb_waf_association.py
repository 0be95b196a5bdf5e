"""Internet-facing application load balancers protected by the WAF web ACL a human chose."""

from __future__ import annotations

import re

from bot.hcledit import EditRefused, top_blocks
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import Param, RewriteContext, Rewriter
from rewriters.terraform.attach_common import add_attached, attached, own_ref
from rewriters.terraform.common import TF, guarded, param_value

ASSOCIATION = "aws_wafv2_web_acl_association"
# checkov CKV2_AWS_76 fails an ALB whose web ACL lacks these; attaching such an ACL would make it fail
REQUIRED_GROUPS = ("AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAnonymousIpList")


def _check_acl(ctx: RewriteContext, text: str, acl: str) -> None:
    """The ACL must be defined in this module and include the managed rule groups checkov expects."""
    ref = re.fullmatch(r"aws_wafv2_web_acl\.([A-Za-z0-9_-]+)\.arn", acl)
    if ref is None:
        raise EditRefused(
            "web_acl_arn must reference an aws_wafv2_web_acl of this module (aws_wafv2_web_acl.<name>.arn)"
        )
    for source in (text, *ctx.file_texts.values()):
        data = source.encode("utf-8")
        for block in top_blocks(data):
            if block.kind == "resource" and block.labels == ("aws_wafv2_web_acl", ref[1]):
                body = data[block.start : block.end].decode("utf-8")
                missing = [g for g in REQUIRED_GROUPS if g not in body]
                if missing:
                    raise EditRefused(f"aws_wafv2_web_acl.{ref[1]} lacks the managed rule groups {', '.join(missing)}")
                return
    raise EditRefused(f"aws_wafv2_web_acl.{ref[1]} is not defined in this module")


def _edit(ctx: RewriteContext, text: str) -> str:
    arn = own_ref(ctx, "arn")
    if attached(ctx, text, ASSOCIATION, "resource_arn", arn) is not None:
        return text
    acl = param_value("web_acl_arn")(ctx)
    _check_acl(ctx, text, acl)
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
        "The web ACL must be defined in this module and include the AWS managed Known bad inputs and "
        "Anonymous IP list rule groups (else checkov's Log4j check fails). Requests the web ACL blocks "
        "(managed rule false positives: large bodies, SQL-like payloads) fail "
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
    facts=ChangeFacts(network=True, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
