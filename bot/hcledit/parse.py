"""Parsing HCL with tree-sitter (byte spans) and validating with python-hcl2."""

from __future__ import annotations

from functools import cache, lru_cache

import hcl2
import tree_sitter_hcl
from tree_sitter import Language, Node, Parser, Tree

from bot.errors import RewriteError


class EditRefused(RewriteError):
    """An edit that would corrupt the file or touch what it must not (heredoc, template)."""


@cache
def _parser() -> Parser:
    return Parser(Language(tree_sitter_hcl.language()))


@lru_cache(maxsize=16)
def parse(data: bytes) -> Tree:
    """Parse (memoised: an edit is validated, then located again in the same text)."""
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


def splice_problem(data: bytes, start: int, end: int) -> str | None:
    """Validate text where only [start, end) changed: tree-sitter on the whole file, python-hcl2
    on the top-level blocks touching the change (the rest was valid and is byte-identical)."""
    tree = parse(data)
    problem = tree_problem(tree)
    if problem is not None:
        return problem
    body = next((c for c in tree.root_node.children if c.type == "body"), None)
    touched = [n for n in (body.children if body else []) if n.start_byte <= end and n.end_byte >= start]
    if not touched:
        return None
    return hcl2_problem(data[touched[0].start_byte : touched[-1].end_byte].decode("utf-8") + "\n")


def node_text(data: bytes, node: Node) -> str:
    return data[node.start_byte : node.end_byte].decode("utf-8")
