"""A read-only view of HCL blocks and attributes with their byte spans (re-parsed per edit)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tree_sitter import Node

from bot.hcledit.parse import node_text, parse

TEMPLATING_ATTRS = ("count", "for_each")


@dataclass(frozen=True)
class Attr:
    name: str
    start: int  # byte span of the whole `name = value`
    end: int
    value_start: int
    value_end: int
    value: str  # the raw expression text
    line_start: int  # byte offset of the start of the attribute's line
    multiline: bool
    heredoc: bool


@dataclass(frozen=True)
class Block:
    kind: str  # "resource", "versioning", ...
    labels: tuple[str, ...]
    start: int
    end: int
    open_end: int  # just after `{`
    close_start: int  # at `}`
    indent: str  # leading whitespace of the line the block starts on
    attrs: tuple[Attr, ...]
    blocks: tuple[Block, ...]
    first_child: int | None  # byte offset of the first attribute/block/comment in the body

    def attr(self, name: str) -> Attr | None:
        return next((a for a in self.attrs if a.name == name), None)

    def children(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]

    def child(self, kind: str) -> Block | None:
        found = self.children(kind)
        return found[0] if found else None

    @property
    def templated(self) -> bool:
        """count / for_each / dynamic anywhere in the block: its shape is not static."""
        return any(self.attr(n) for n in TEMPLATING_ATTRS) or any(
            b.kind == "dynamic" or b.templated for b in self.blocks
        )


def _line_start(data: bytes, pos: int) -> int:
    return data.rfind(b"\n", 0, pos) + 1


def _indent_at(data: bytes, pos: int) -> str:
    start = _line_start(data, pos)
    line = data[start:pos].decode("utf-8")
    return line[: len(line) - len(line.lstrip(" \t"))]


def _has_heredoc(text: str) -> bool:
    """Conservative: any `<<` (even inside a string) counts, so such values are never edited."""
    return "<<" in text


def _attr(data: bytes, node: Node) -> Attr:
    name = node.child_by_field_name("name") or node.children[0]
    value = node.children[-1]
    value_text = node_text(data, value)
    return Attr(
        name=node_text(data, name),
        start=node.start_byte,
        end=node.end_byte,
        value_start=value.start_byte,
        value_end=value.end_byte,
        value=value_text,
        line_start=_line_start(data, node.start_byte),
        multiline=node.start_point[0] != node.end_point[0],
        heredoc=_has_heredoc(value_text),
    )


def _label(data: bytes, node: Node) -> str:
    text = node_text(data, node)
    return text[1:-1] if node.type == "string_lit" else text


def _block(data: bytes, node: Node) -> Block:
    kind = ""
    labels: list[str] = []
    open_end = close_start = node.end_byte
    body: Node | None = None
    for child in node.children:
        if child.type == "identifier" and not kind:
            kind = node_text(data, child)
        elif child.type in ("string_lit", "identifier"):
            labels.append(_label(data, child))
        elif child.type == "block_start":
            open_end = child.end_byte
        elif child.type == "block_end":
            close_start = child.start_byte
        elif child.type == "body":
            body = child
    attrs, blocks, first = _body_items(data, body)
    if body is not None and first is None:
        first = body.start_byte
    return Block(
        kind,
        tuple(labels),
        node.start_byte,
        node.end_byte,
        open_end,
        close_start,
        _indent_at(data, node.start_byte),
        attrs,
        blocks,
        first,
    )


def _body_items(data: bytes, body: Node | None) -> tuple[tuple[Attr, ...], tuple[Block, ...], int | None]:
    if body is None:
        return (), (), None
    attrs = tuple(_attr(data, c) for c in body.children if c.type == "attribute")
    blocks = tuple(_block(data, c) for c in body.children if c.type == "block")
    first = body.children[0].start_byte if body.children else None
    return attrs, blocks, first


def top_blocks(data: bytes) -> Iterator[Block]:
    root = parse(data).root_node
    for body in (c for c in root.children if c.type == "body"):
        for node in body.children:
            if node.type == "block":
                yield _block(data, node)


def _header(data: bytes, node: Node) -> tuple[str, tuple[str, ...]]:
    kind = ""
    labels: list[str] = []
    for child in node.children:
        if child.type == "identifier" and not kind:
            kind = node_text(data, child)
        elif child.type in ("string_lit", "identifier"):
            labels.append(_label(data, child))
        elif child.type == "block_start":
            break
    return kind, tuple(labels)


def find_block(data: bytes, kind: str, labels: tuple[str, ...]) -> Block | None:
    """The top-level block `kind "label" "label" {}` (e.g. resource, type, name), if present."""
    root = parse(data).root_node
    for body in (c for c in root.children if c.type == "body"):
        for node in body.children:
            if node.type == "block" and _header(data, node) == (kind, labels):
                return _block(data, node)
    return None


def detect_indent_unit(data: bytes, block: Block) -> str:
    """The file's own indent step, read from this block's body (or any block's); two spaces if none."""
    for candidate in (block, *top_blocks(data)):
        if candidate.first_child is not None and candidate.first_child < candidate.close_start:
            inner = _indent_at(data, candidate.first_child)
            if len(inner) > len(candidate.indent) and inner.startswith(candidate.indent):
                return inner[len(candidate.indent) :]
    return "  "
