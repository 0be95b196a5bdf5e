"""`jsonencode()` IAM policies: find Allow statements on `Resource = "*"` and replace that value."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from tree_sitter import Node

from bot.hcledit import EditRefused, locate
from bot.hcledit.parse import node_text, parse, syntax_problem
from rewriters.base import RewriteContext
from rewriters.terraform.common import address

_STAR = re.compile(r'\[?\s*"\*"\s*,?\s*\]?')
_STRINGS = re.compile(r'\[?\s*(?:"[^"$%\\]*"\s*,?\s*)*\]?')


def _elems(node: Node) -> Iterator[Node]:
    if node.type == "object_elem":
        yield node
    for child in node.children:
        yield from _elems(child)


def _key(data: bytes, elem: Node) -> str:
    return node_text(data, elem.children[0]).strip().strip('"')


def _siblings(data: bytes, elem: Node) -> dict[str, str]:
    parent = elem.parent
    if parent is None:
        return {}
    return {_key(data, e): node_text(data, e.children[-1]) for e in parent.children if e.type == "object_elem"}


def _policy_node(data: bytes, ctx: RewriteContext) -> Node:
    attr = locate(data.decode("utf-8"), address(ctx)).attr("policy")
    if attr is None or attr.heredoc or not attr.value.lstrip().startswith("jsonencode("):
        source = attr.value.strip()[:40] if attr is not None and not attr.heredoc else "a heredoc or string"
        raise EditRefused(f"the policy is {source!r}, not jsonencode(); scope its resources by hand")
    node = parse(data).root_node.descendant_for_byte_range(attr.value_start, attr.value_end)
    assert node is not None
    return node


Replacement = Callable[[list[str]], str]


def wildcard_statements(ctx: RewriteContext, text: str, replacement: Replacement) -> str:
    """Replace the `Resource` value of every Allow statement on "*" with `replacement(actions)`."""
    data = text.encode("utf-8")
    edits: list[tuple[int, int, str]] = []
    for elem in _elems(_policy_node(data, ctx)):
        value = elem.children[-1]
        if _key(data, elem) != "Resource" or not _STAR.fullmatch(node_text(data, value).strip()):
            continue
        siblings = _siblings(data, elem)
        if siblings.get("Effect", '"Allow"').strip() != '"Allow"':
            continue
        action = siblings.get("Action", "").strip()
        actions = re.findall(r'"([^"]*)"', action) if _STRINGS.fullmatch(action) else []
        edits.append((value.start_byte, value.end_byte, replacement(actions)))
    for start, end, new in sorted(edits, reverse=True):
        data = data[:start] + new.encode("utf-8") + data[end:]
    out = data.decode("utf-8")
    problem = syntax_problem(out)
    if problem is not None:
        raise EditRefused(f"the edit would not parse ({problem}); left untouched")
    return out
