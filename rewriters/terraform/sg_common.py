"""Security group ingress open to the internet on one port → the admin CIDR a human chose."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable

from bot.hcledit import Attr, Block, EditRefused, locate, quote, replace_value
from rewriters.base import RewriteContext
from rewriters.terraform.common import address, param

WORLD_V4 = "0.0.0.0/0"
WORLD_V6 = "::/0"
_STRINGS = re.compile(r'"([^"\\$%]*)"')
_LIST = re.compile(r'\[\s*(?:"[^"\\$%]*"\s*,?\s*)*\]')
MAX_RULES = 50


def admin_cidr(ctx: RewriteContext) -> str:
    raw = param(ctx, "admin_cidr")
    try:
        net = ipaddress.ip_network(raw, strict=False)
    except ValueError:
        raise EditRefused(f"parameter admin_cidr {raw!r} is not a CIDR") from None
    if net.prefixlen == 0:
        raise EditRefused("parameter admin_cidr must not be the whole internet")
    return str(net)


def _int(attr: Attr | None) -> int | None:
    if attr is None:
        return None
    v = attr.value.strip().strip('"')
    return int(v) if v.lstrip("-").isdigit() else None


def covers(block: Block, port: int) -> bool:
    """Does this rule's port range include `port`? Non-literal ports: refuse rather than guess."""
    proto = block.attr("protocol") or block.attr("ip_protocol")
    protocol = proto.value.strip().strip('"').lower() if proto is not None else "tcp"
    if protocol in ("-1", "all"):
        return True
    low, high = _int(block.attr("from_port")), _int(block.attr("to_port"))
    if low is None or high is None:
        raise EditRefused("the rule's ports are not literal numbers; fix by hand")
    return protocol in ("tcp", "6") and low <= port <= high


def _new_list(value: str, cidr: str) -> str | None:
    """The list with the world CIDRs replaced by `cidr` (v4) / dropped (v6), or None if unchanged."""
    if not _LIST.fullmatch(value.strip()):
        raise EditRefused("the CIDR list is not a plain list of strings; fix by hand")
    items = _STRINGS.findall(value)
    if WORLD_V4 not in items and WORLD_V6 not in items:
        return None
    out: list[str] = []
    for item in items:
        new = cidr if item == WORLD_V4 else None if item == WORLD_V6 else item
        if new is not None and new not in out:
            out.append(new)
    return "[" + ", ".join(quote(i) for i in out) + "]"


def restrict_rule(text: str, rule: Block, cidr: str) -> str | None:
    """Fix one rule block; None when it has nothing open to the world."""
    for name in ("cidr_blocks", "ipv6_cidr_blocks"):
        attr = rule.attr(name)
        new = _new_list(attr.value, cidr) if attr is not None else None
        if attr is not None and new is not None:
            return replace_value(text, attr, new)
    attr = rule.attr("cidr_ipv4")
    if attr is not None and attr.value.strip() == quote(WORLD_V4):
        return replace_value(text, attr, quote(cidr))
    return None


def _ingress_rules(ctx: RewriteContext, text: str) -> list[Block]:
    block = locate(text, address(ctx))
    rtype = ctx.resource.type
    if rtype == "aws_security_group":
        return block.children("ingress")
    if rtype == "aws_security_group_rule":
        kind = block.attr("type")
        return [block] if kind is not None and kind.value.strip() == '"ingress"' else []
    return [block]  # aws_vpc_security_group_ingress_rule: ip_protocol/from_port/to_port


def restrict_port(port: int) -> Callable[[RewriteContext, str], str]:
    def edit(ctx: RewriteContext, text: str) -> str:
        cidr = admin_cidr(ctx)
        for _ in range(MAX_RULES):
            fixed = next(
                (
                    new
                    for rule in _ingress_rules(ctx, text)
                    if covers(rule, port)
                    for new in [restrict_rule(text, rule, cidr)]
                    if new is not None
                ),
                None,
            )
            if fixed is None:
                return text
            text = fixed
        raise EditRefused(f"more than {MAX_RULES} rules to change; fix by hand")

    return edit
