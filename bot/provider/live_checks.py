"""Named provider checks on live resource values (`terraform show -json` `values`).

Every check first requires the live values to match the desired configuration (no drift);
a named check adds the property the fix is about. Unknown names use the drift check alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.models.resource import Resource

Values = Mapping[str, Any]
Named = Callable[[Resource, Values], str | None]  # a problem, or None

_PUBLIC = {"0.0.0.0/0", "::/0"}


def drift(res: Resource, live: Values) -> list[str]:
    """Attributes whose live value differs from the configuration."""
    return [
        f"{res.address}.{key}: live {live.get(key)!r} != configured {want!r}"
        for key, want in res.attributes.items()
        if live.get(key) != want
    ]


def _public_access_blocked(res: Resource, live: Values) -> str | None:
    if res.type != "aws_s3_bucket_public_access_block":
        return None
    flags = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")
    off = [f for f in flags if live.get(f) is not True]
    return f"{res.address}: {', '.join(off)} not enabled" if off else None


def _no_public_port(port: int) -> Named:
    def check(res: Resource, live: Values) -> str | None:
        if res.type != "aws_security_group":
            return None
        for rule in live.get("ingress") or []:
            if not isinstance(rule, Mapping):
                continue
            lo, hi = rule.get("from_port", 0), rule.get("to_port", 65535)
            public = _PUBLIC & set(rule.get("cidr_blocks") or []) | _PUBLIC & set(rule.get("ipv6_cidr_blocks") or [])
            if public and isinstance(lo, int) and isinstance(hi, int) and lo <= port <= hi:
                return f"{res.address}: port {port} open to {', '.join(sorted(public))}"
        return None

    return check


NAMED: dict[str, Named] = {
    "s3_public_access_blocked": _public_access_blocked,
    "sg_no_public_port_22": _no_public_port(22),
    "sg_no_public_port_3389": _no_public_port(3389),
}
