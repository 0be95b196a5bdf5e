"""The blocks of a text, located once per text and carried across splices.

`top_blocks`, `find_block` and `detect_indent_unit` read a `FileIndex` of the text: its parse
tree (see `trees`), its top-level blocks by header, each block materialised once, and the
file's indent unit. A text made by a splice (`derived`) re-parses incrementally and takes the
blocks the splice did not touch from the text it came from (moved by the splice's length), so
an edit costs what it touches, not what the file holds.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator

from tree_sitter import Node

from bot.hcledit.blocks import Attr, Block, block_at, header, indent_at, shifted
from bot.hcledit.trees import Splice, derive, tree_for

__all__ = ["Attr", "Block", "FileIndex", "derived", "detect_indent_unit", "find_block", "index", "top_blocks"]

MAX_INDEXES = 64
_UNSET = ""


class FileIndex:
    """What one exact text's top-level blocks are (built lazily, never changed once built)."""

    def __init__(self, data: bytes, parent: FileIndex | None = None, splice: Splice | None = None) -> None:
        self.data = data
        self.tree = derive(parent.data, data, splice) if parent and splice else tree_for(data)
        self._parent = parent if splice is not None else None
        self._splice = splice
        self._nodes: list[Node] | None = None
        self._blocks: dict[int, Block] = {}
        self._headers: dict[tuple[str, tuple[str, ...]], int] | None = None
        self._unit = _UNSET

    def nodes(self) -> list[Node]:
        if self._nodes is None:
            root = self.tree.root_node
            bodies = [c for c in root.children if c.type == "body"]
            self._nodes = [n for body in bodies for n in body.children if n.type == "block"]
        return self._nodes

    def _from_parent(self, node: Node) -> Block | None:
        """The parent's block at this node's place when the splice left its text and lines alone."""
        parent, splice = self._parent, self._splice
        if parent is None or splice is None:
            return None
        start, end = node.start_byte, node.end_byte
        if end <= splice.start:
            found = parent.block_starting(start)
            return found if found is not None and found.end == end else None
        old_start = start - splice.delta
        if old_start <= splice.old_end or parent.data.rfind(b"\n", splice.old_end, old_start) < 0:
            return None  # the block's first line (its indent) may have changed
        found = parent.block_starting(old_start)
        return shifted(found, splice.delta) if found is not None and found.end + splice.delta == end else None

    def block_starting(self, start: int) -> Block | None:
        nodes = self.nodes()
        lo, hi = 0, len(nodes)
        while lo < hi:
            mid = (lo + hi) // 2
            if nodes[mid].start_byte < start:
                lo = mid + 1
            else:
                hi = mid
        return self.block(lo) if lo < len(nodes) and nodes[lo].start_byte == start else None

    def block(self, i: int) -> Block:
        found = self._blocks.get(i)
        if found is None:
            node = self.nodes()[i]
            found = self._from_parent(node) or block_at(self.data, node)
            self._blocks[i] = found
        return found

    def blocks(self) -> Iterator[Block]:
        for i in range(len(self.nodes())):
            yield self.block(i)

    def find(self, kind: str, labels: tuple[str, ...]) -> Block | None:
        if self._headers is None:
            self._headers = self._headers_from_parent() or self._all_headers()
        i = self._headers.get((kind, labels))
        return None if i is None else self.block(i)

    def _all_headers(self) -> dict[tuple[str, tuple[str, ...]], int]:
        headers: dict[tuple[str, tuple[str, ...]], int] = {}
        for i, node in enumerate(self.nodes()):
            headers.setdefault(header(self.data, node), i)
        return headers

    def _headers_from_parent(self) -> dict[tuple[str, tuple[str, ...]], int] | None:
        """The parent's map when the splice kept every top-level block and changed no header."""
        parent, splice = self._parent, self._splice
        if parent is None or splice is None or parent._headers is None or len(parent.nodes()) != len(self.nodes()):
            return None
        old, new = parent.nodes(), self.nodes()
        for i, node in enumerate(new):
            if node.end_byte < splice.start:
                continue
            if node.start_byte > splice.new_end:
                break
            if header(self.data, node) != header(parent.data, old[i]):
                return None
        return parent._headers

    def file_unit(self) -> str | None:
        """The indent step of the first top-level block that shows one."""
        if self._unit is _UNSET:
            self._unit = next((u for u in map(self._unit_of, self.blocks()) if u is not None), None) or _UNSET
            if self._unit is _UNSET:
                return None
        return self._unit

    def _unit_of(self, block: Block) -> str | None:
        return _unit_of(self.data, block)


def _unit_of(data: bytes, block: Block) -> str | None:
    if block.first_child is not None and block.first_child < block.close_start:
        inner = indent_at(data, block.first_child)
        if len(inner) > len(block.indent) and inner.startswith(block.indent):
            return inner[len(block.indent) :]
    return None


_LOCK = threading.Lock()
_INDEXES: OrderedDict[bytes, FileIndex] = OrderedDict()


def _store(found: FileIndex) -> FileIndex:
    with _LOCK:
        _INDEXES[found.data] = found
        _INDEXES.move_to_end(found.data)
        while len(_INDEXES) > MAX_INDEXES:
            _INDEXES.popitem(last=False)
    return found


def index(data: bytes) -> FileIndex:
    """The index of `data` (kept while it is among the recent texts)."""
    with _LOCK:
        found = _INDEXES.get(data)
        if found is not None:
            _INDEXES.move_to_end(data)
            return found
    return _store(FileIndex(data))


def derived(old: bytes, new: bytes, splice: Splice) -> FileIndex:
    """The index of `new` = `old` with one splice, built from `old`'s when that one is known."""
    with _LOCK:
        found = _INDEXES.get(new)
        parent = _INDEXES.get(old)
    if found is not None:
        return found
    return _store(FileIndex(new, parent, splice) if parent is not None else FileIndex(new))


def top_blocks(data: bytes) -> Iterator[Block]:
    yield from index(data).blocks()


def find_block(data: bytes, kind: str, labels: tuple[str, ...]) -> Block | None:
    """The top-level block `kind "label" "label" {}` (e.g. resource, type, name), if present."""
    return index(data).find(kind, labels)


def detect_indent_unit(data: bytes, block: Block) -> str:
    """The file's own indent step, read from this block's body (or any block's); two spaces if none."""
    return _unit_of(data, block) or index(data).file_unit() or "  "
