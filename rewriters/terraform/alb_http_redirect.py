"""Plain-HTTP listeners of an application load balancer redirect to its HTTPS listener.

Only when the load balancer already has an HTTPS listener on 443 in this module: the
redirect never points at a port nobody serves. The listener's `default_action` becomes a
301 redirect (its forward/fixed-response target is dropped; rules on the listener stay).
"""

from __future__ import annotations

from bot.hcledit import BlockSpec, EditRefused, detect_indent_unit, locate, top_blocks
from bot.hcledit.model import Block
from bot.hcledit.render import render_block
from bot.models.common import Level
from bot.models.plan import ChangeFacts, Verification
from rewriters.base import RewriteContext, Rewriter
from rewriters.terraform.common import TF, address, guarded

LISTENERS = ("aws_lb_listener", "aws_alb_listener")
REDIRECT = BlockSpec(
    "default_action",
    items=(
        ("type", '"redirect"'),
        BlockSpec("redirect", items=(("port", '"443"'), ("protocol", '"HTTPS"'), ("status_code", '"HTTP_301"'))),
    ),
)


def _value(block: Block, name: str) -> str:
    attr = block.attr(name)
    return attr.value.strip().strip('"') if attr is not None else ""


def _listeners(ctx: RewriteContext, text: str) -> list[tuple[str, Block]]:
    sources = [("", text), *sorted((f, t) for f, t in ctx.file_texts.items() if f != ctx.resource.file)]
    return [
        (file, block)
        for file, source in sources
        for block in top_blocks(source.encode("utf-8"))
        if block.kind == "resource" and block.labels[:1] in {(t,) for t in LISTENERS}
    ]


def _lb_refs(ctx: RewriteContext, text: str) -> set[str]:
    if ctx.resource.type in LISTENERS:
        arn = locate(text, address(ctx)).attr("load_balancer_arn")
        return {arn.value.strip()} if arn is not None else set()
    return {f"{ctx.resource.type}.{ctx.resource.name}.{attr}" for attr in ("arn", "id")}


def _redirects(listener: Block) -> bool:
    actions = listener.children("default_action")
    target = actions[0].child("redirect") if len(actions) == 1 else None
    return target is not None and _value(target, "protocol") == "HTTPS" and _value(target, "port") == "443"


def _fix_listener(text: str, addr: tuple[str, tuple[str, ...]]) -> str:
    listener = locate(text, addr)
    if _redirects(listener):
        return text
    actions = listener.children("default_action")
    if len(actions) != 1:
        raise EditRefused(f"{'.'.join(addr[1])} has {len(actions)} default actions; redirect it by hand")
    action = actions[0]
    data = text.encode("utf-8")
    lines = render_block(REDIRECT, action.indent, detect_indent_unit(data, listener))
    new = "\n".join(lines)[len(action.indent) :]
    return (data[: action.start] + new.encode("utf-8") + data[action.end :]).decode("utf-8")


def _edit(ctx: RewriteContext, text: str) -> str:
    refs = _lb_refs(ctx, text)
    mine = [
        (f, b)
        for f, b in _listeners(ctx, text)
        if b.attr("load_balancer_arn") and _value(b, "load_balancer_arn") in refs
    ]
    if not any(_value(b, "protocol") == "HTTPS" and _value(b, "port") == "443" for _, b in mine):
        raise EditRefused(
            "the load balancer has no HTTPS listener on 443 in this module; add one (with a certificate) first"
        )
    plain = [(f, b) for f, b in mine if _value(b, "protocol") == "HTTP" and not _redirects(b)]
    elsewhere = sorted({f for f, _ in plain if f})
    if elsewhere:
        raise EditRefused(f"the plain-HTTP listeners are in {', '.join(elsewhere)}; fix them there")
    for _, block in plain:
        text = _fix_listener(text, ("resource", block.labels))
    return text


REWRITER = Rewriter(
    id="alb_http_redirect",
    iac=TF,
    rule_ids=("CKV_AWS_2", "CKV2_AWS_20", "AVD-AWS-0054", "aws-elb-http-not-used"),
    action="redirect_http_to_https",
    title="Redirect plain HTTP to the HTTPS listener",
    confidence=Level.medium,
    reversible=True,
    rollback_plan="Revert the PR and apply (in place): the listener forwards plain HTTP again.",
    verification=Verification(rules=("CKV_AWS_2", "CKV2_AWS_20"), provider_check="alb_http_redirect"),
    review_guidance=(
        "Clients that cannot follow redirects or speak TLS (health checkers, old devices, some webhooks "
        "posting to http://) stop working; POST bodies are not replayed by most clients after a 301. "
        "Listener rules on port 80 keep forwarding."
    ),
    references=(
        "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions",
        "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb_listener",
    ),
    apply=guarded(_edit),
    resource_types=("aws_lb_listener", "aws_alb_listener", "aws_lb", "aws_alb"),
    facts=ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=True, restart=False),
)
