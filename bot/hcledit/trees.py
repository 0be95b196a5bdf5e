"""Parse trees of recent texts, re-parsed incrementally after a splice.

Planning edits one file many times: every resource of a file starts from the same text and
each edit derives a new text from one before it. `tree_for` keeps the trees of the last few
texts (keyed by the exact bytes); `derive` parses a spliced text by handing tree-sitter the old
tree with the edit applied (`Tree.edit` + `Parser.parse(new, old_tree)`), so only the changed
region is re-parsed. The result is the tree a full parse of the new text gives.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache

import tree_sitter_hcl
from tree_sitter import Language, Parser, Tree

MAX_TREES = 64  # least recently used texts are dropped past this (only a re-parse is lost)


@dataclass(frozen=True)
class Splice:
    """`new` is `old` with `old[start:old_end]` replaced by `new[start:new_end]`."""

    start: int
    old_end: int
    new_end: int

    @property
    def delta(self) -> int:
        return self.new_end - self.old_end


@cache
def _parser() -> Parser:
    return Parser(Language(tree_sitter_hcl.language()))


_LOCK = threading.Lock()
_TREES: OrderedDict[bytes, Tree] = OrderedDict()


def _remember(data: bytes, tree: Tree) -> None:
    with _LOCK:
        _TREES[data] = tree
        _TREES.move_to_end(data)
        while len(_TREES) > MAX_TREES:
            _TREES.popitem(last=False)


def _known(data: bytes) -> Tree | None:
    with _LOCK:
        tree = _TREES.get(data)
        if tree is not None:
            _TREES.move_to_end(data)
        return tree


def tree_for(data: bytes) -> Tree:
    """The parse tree of `data` (parsed once while it stays among the recent texts)."""
    tree = _known(data)
    if tree is None:
        with _LOCK:
            tree = _parser().parse(data)
        _remember(data, tree)
    return tree


def _point(data: bytes, pos: int) -> tuple[int, int]:
    row = data.count(b"\n", 0, pos)
    return row, pos - (data.rfind(b"\n", 0, pos) + 1)


def derive(old: bytes, new: bytes, splice: Splice) -> Tree:
    """The tree of `new`, re-parsed incrementally from `old`'s tree when that one is known."""
    known = _known(new)
    if known is not None:
        return known
    base = _known(old)
    if base is None:
        return tree_for(new)
    edited = base.copy()  # the old text's tree stays valid for the other edits starting from it
    edited.edit(
        start_byte=splice.start,
        old_end_byte=splice.old_end,
        new_end_byte=splice.new_end,
        start_point=_point(old, splice.start),
        old_end_point=_point(old, splice.old_end),
        new_end_point=_point(new, splice.new_end),
    )
    with _LOCK:
        tree = _parser().parse(new, edited)
    _remember(new, tree)
    return tree
