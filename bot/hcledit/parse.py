"""Parsing HCL with tree-sitter (byte spans) and validating with python-hcl2."""

from __future__ import annotations

import hcl2
from tree_sitter import Node, Tree

from bot.errors import RewriteError
from bot.hcledit.blocks import node_text
from bot.hcledit.trees import tree_for

__all__ = ["EditRefused", "node_text", "parse", "splice_problem", "syntax_problem", "tree_problem"]


class EditRefused(RewriteError):
    """An edit that would corrupt the file or touch what it must not (heredoc, template)."""


def parse(data: bytes) -> Tree:
    """Parse (memoised for recent texts; a splice's text is re-parsed incrementally, see `trees`)."""
    return tree_for(data)


def first_error(node: Node) -> Node | None:
    """The first ERROR or MISSING node under `node`, if any."""
    if node.type == "ERROR" or node.is_missing:
        return node
    if not node.has_error:
        return None
    for child in node.children:
        found = first_error(child)
        if found is not None:
            return found
    return node


def tree_problem(tree: Tree) -> str | None:
    bad = first_error(tree.root_node)
    return None if bad is None else f"syntax error near line {bad.start_point[0] + 1}"


def hcl2_problem(text: str) -> str | None:
    try:
        hcl2.loads(text)
    except Exception as exc:  # python-hcl2 raises lark errors of many kinds
        return f"python-hcl2 cannot parse it: {type(exc).__name__}"
    return None


def syntax_problem(text: str) -> str | None:
    """Why `text` is not valid HCL (tree-sitter and python-hcl2 must both accept it), or None."""
    return tree_problem(parse(text.encode("utf-8"))) or hcl2_problem(text)


def splice_problem(data: bytes, start: int, end: int, *, statements: str | None = None) -> str | None:
    """Validate text where only [start, end) changed: tree-sitter on the whole file, python-hcl2
    on the top-level blocks touching the change (the rest was valid and is byte-identical) or,
    when the caller names them, on just the whole statements the change inserted (an attribute
    line or a block: python-hcl2's cost grows with what it reads)."""
    tree = parse(data)
    problem = tree_problem(tree)
    if problem is not None:
        return problem
    if statements is not None:
        return hcl2_problem(statements.strip() + "\n")
    body = next((c for c in tree.root_node.children if c.type == "body"), None)
    touched = _touched(body, start, end) if body is not None else []
    if not touched:
        return None
    return hcl2_problem(data[touched[0].start_byte : touched[-1].end_byte].decode("utf-8") + "\n")


def _touched(body: Node, start: int, end: int) -> list[Node]:
    """The top-level items overlapping or touching [start, end), found without a full scan."""
    node = body.first_child_for_byte(max(start - 1, 0))  # first child with end_byte >= start
    out: list[Node] = []
    while node is not None and node.start_byte <= end:
        if node.end_byte >= start:
            out.append(node)
        node = node.next_sibling
    return out
