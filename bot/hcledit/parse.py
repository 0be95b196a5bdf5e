"""Parsing HCL with tree-sitter (byte spans) and validating with python-hcl2."""

from __future__ import annotations

from functools import cache

import hcl2
import tree_sitter_hcl
from tree_sitter import Language, Node, Parser, Tree

from bot.errors import RewriteError


class EditRefused(RewriteError):
    """An edit that would corrupt the file or touch what it must not (heredoc, template)."""


@cache
def _parser() -> Parser:
    return Parser(Language(tree_sitter_hcl.language()))


def parse(data: bytes) -> Tree:
    return _parser().parse(data)


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


def syntax_problem(text: str) -> str | None:
    """Why `text` is not valid HCL (tree-sitter and python-hcl2 must both accept it), or None."""
    tree = parse(text.encode("utf-8"))
    bad = first_error(tree.root_node)
    if bad is not None:
        return f"syntax error near line {bad.start_point[0] + 1}"
    try:
        hcl2.loads(text)
    except Exception as exc:  # python-hcl2 raises lark errors of many kinds
        return f"python-hcl2 cannot parse it: {type(exc).__name__}"
    return None


def node_text(data: bytes, node: Node) -> str:
    return data[node.start_byte : node.end_byte].decode("utf-8")
