"""Read parsed IaC attribute values defensively.

The inventory hands over plain values, but python-hcl2 keeps quotes in strings ('"x"') and
renders expressions as '${...}'; these helpers accept both shapes so the graph never
depends on which one it gets.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

_WS = re.compile(r"\s+")
_ANY_WILDCARD = r"(?:\*|\[(?:[^\]]*,)?\*(?:,[^\]]*)?\])"


def text(value: Any) -> str:
    """A scalar as plain text: quotes and a wrapping '${...}' removed."""
    if value is None:
        return ""
    s = str(value).strip()
    if s.startswith("${") and s.endswith("}"):
        s = s[2:-1].strip()
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"'":
        s = s[1:-1]
    return s


def clip(value: Any, limit: int = 80) -> str:
    """Plain text of an untrusted value, cut to `limit` characters for evidence strings."""
    s = " ".join(text(value).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def as_list(value: Any) -> list[Any]:
    """A value as a list (a single block or scalar becomes a one-element list)."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def blocks(attrs: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """Nested blocks under `key` as a list of dicts (anything else is ignored)."""
    return [b for b in as_list(attrs.get(key)) if isinstance(b, dict)]


def texts(value: Any) -> list[str]:
    """Every scalar in a (possibly nested) list value, as plain text."""
    out: list[str] = []
    for item in as_list(value):
        if isinstance(item, list | tuple):
            out.extend(texts(item))
        elif not isinstance(item, dict):
            out.append(text(item))
    return out


def is_true(value: Any) -> bool:
    return text(value).lower() == "true" if not isinstance(value, bool) else value


def is_false(value: Any) -> bool:
    return text(value).lower() == "false" if not isinstance(value, bool) else not value


def get_path(obj: Any, *keys: str | int) -> Any:
    """obj[k1][k2]... or None when any step is missing or of the wrong shape."""
    cur = obj
    for key in keys:
        if isinstance(key, int):
            if not isinstance(cur, list) or key >= len(cur):
                return None
        elif not isinstance(cur, dict):
            return None
        cur = cur[key] if isinstance(key, int) else cur.get(key)
    return cur


def compact(value: Any) -> str:
    """A policy document (dict, JSON text, jsonencode(...) text) squeezed for pattern matching.

    Whitespace, quotes and escapes are dropped and everything is lower-cased, so
    `"Action": "*"`, `Action = "*"` and `"Action":["*"]` all read `action:*` / `action=*` /
    `action:[*]`.
    """
    raw = value if isinstance(value, str) else json.dumps(value)
    return _WS.sub("", raw).replace("\\", "").replace('"', "").replace("'", "").lower()


def has_wildcard(policy: str, key: str) -> bool:
    """Does a compacted policy give `key` (action/resource/principal) the value '*'?"""
    return re.search(rf"{key}[:=]{_ANY_WILDCARD}(?=[,}}\]]|$)", policy) is not None


def has_public_principal(policy: str) -> bool:
    """`Principal: "*"` or `Principal: {AWS: "*"}` in an Allow statement."""
    if "allow" not in policy:
        return False
    if has_wildcard(policy, "principal"):
        return True
    return re.search(rf"principal[:=]\{{aws[:=]{_ANY_WILDCARD}[,}}]", policy) is not None


def any_in(candidates: Iterable[str], wanted: Iterable[str]) -> list[str]:
    wanted_set = set(wanted)
    return [c for c in candidates if c in wanted_set]
