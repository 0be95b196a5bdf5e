"""Azure NSG / GCP firewall rules open to the internet on one port → the admin CIDR."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.hcledit import Block, EditRefused, locate, quote, replace_value
from rewriters.base import RewriteContext
from rewriters.terraform.common import address
from rewriters.terraform.sg_common import MAX_RULES, admin_cidr

AZURE_ANY = ("*", "0.0.0.0/0", "internet", "any", "0.0.0.0")
_STRING = re.compile(r'"([^"\\$%]*)"')


def port_spec_covers(spec: str, port: int) -> bool:
    """'22', '20-30', '*' (Azure) style port specs."""
    spec = spec.strip()
    if spec in ("*", ""):
        return True
    low, _, high = spec.partition("-")
    if not low.isdigit() or (high and not high.isdigit()):
        raise EditRefused(f"port range {spec!r} is not literal; fix by hand")
    return int(low) <= port <= int(high or low)


def _strings(value: str) -> list[str]:
    return _STRING.findall(value)


def azure_rule_open(rule: Block, port: int) -> bool:
    def literal(name: str) -> str:
        attr = rule.attr(name)
        return attr.value.strip().strip('"').lower() if attr is not None else ""

    if literal("direction") != "inbound" or literal("access") != "allow":
        return False
    ports = [literal("destination_port_range")] if rule.attr("destination_port_range") else []
    ranges = rule.attr("destination_port_ranges")
    ports += _strings(ranges.value) if ranges is not None else []
    return literal("source_address_prefix") in AZURE_ANY and any(port_spec_covers(p, port) for p in ports)


def gcp_rule_open(rule: Block, port: int) -> bool:
    direction = rule.attr("direction")
    if direction is not None and direction.value.strip() != '"INGRESS"':
        return False
    ranges = rule.attr("source_ranges")
    if ranges is None or "0.0.0.0/0" not in _strings(ranges.value):
        return False
    for allow in rule.children("allow"):
        proto = allow.attr("protocol")
        protocol = proto.value.strip().strip('"').lower() if proto is not None else ""
        ports = allow.attr("ports")
        if protocol == "all" or (
            protocol == "tcp" and (ports is None or any(port_spec_covers(p, port) for p in _strings(ports.value)))
        ):
            return True
    return False


def _fix_one(ctx: RewriteContext, text: str, port: int, cidr: str) -> str | None:
    block = locate(text, address(ctx))
    rtype = ctx.resource.type
    if rtype == "google_compute_firewall":
        ranges = block.attr("source_ranges")
        if not gcp_rule_open(block, port) or ranges is None:
            return None
        kept = [r for r in _strings(ranges.value) if r not in ("0.0.0.0/0", cidr)]
        return replace_value(text, ranges, "[" + ", ".join(quote(r) for r in [*kept, cidr]) + "]")
    rules = block.children("security_rule") if rtype == "azurerm_network_security_group" else [block]
    for rule in rules:
        prefix = rule.attr("source_address_prefix")
        if prefix is not None and azure_rule_open(rule, port):
            return replace_value(text, prefix, quote(cidr))
    return None


def restrict_network_port(port: int) -> Callable[[RewriteContext, str], str]:
    def edit(ctx: RewriteContext, text: str) -> str:
        cidr = admin_cidr(ctx)
        for _ in range(MAX_RULES):
            fixed = _fix_one(ctx, text, port, cidr)
            if fixed is None:
                return text
            text = fixed
        raise EditRefused(f"more than {MAX_RULES} rules to change; fix by hand")

    return edit
