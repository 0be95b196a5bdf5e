"""A read-only view of HCL blocks and attributes with their byte spans, built from a tree."""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

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


def node_text(data: bytes, node: Node) -> str:
    return data[node.start_byte : node.end_byte].decode("utf-8")


def line_start(data: bytes, pos: int) -> int:
    return data.rfind(b"\n", 0, pos) + 1


def indent_at(data: bytes, pos: int) -> str:
    start = line_start(data, pos)
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
        line_start=line_start(data, node.start_byte),
        multiline=node.start_point[0] != node.end_point[0],
        heredoc=_has_heredoc(value_text),
    )


def _label(data: bytes, node: Node) -> str:
    text = node_text(data, node)
    return text[1:-1] if node.type == "string_lit" else text


def block_at(data: bytes, node: Node) -> Block:
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
        indent_at(data, node.start_byte),
        attrs,
        blocks,
        first,
    )


def _body_items(data: bytes, body: Node | None) -> tuple[tuple[Attr, ...], tuple[Block, ...], int | None]:
    if body is None:
        return (), (), None
    attrs = tuple(_attr(data, c) for c in body.children if c.type == "attribute")
    blocks = tuple(block_at(data, c) for c in body.children if c.type == "block")
    first = body.children[0].start_byte if body.children else None
    return attrs, blocks, first


def header(data: bytes, node: Node) -> tuple[str, tuple[str, ...]]:
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


def _shift_attr(a: Attr, delta: int) -> Attr:
    return Attr(
        a.name,
        a.start + delta,
        a.end + delta,
        a.value_start + delta,
        a.value_end + delta,
        a.value,
        a.line_start + delta,
        a.multiline,
        a.heredoc,
    )


def shifted(b: Block, delta: int) -> Block:
    """The same block moved by `delta` bytes (its text and its lines' starts are unchanged)."""
    if delta == 0:
        return b
    return Block(
        b.kind,
        b.labels,
        b.start + delta,
        b.end + delta,
        b.open_end + delta,
        b.close_start + delta,
        b.indent,
        tuple(_shift_attr(a, delta) for a in b.attrs),
        tuple(shifted(c, delta) for c in b.blocks),
        None if b.first_child is None else b.first_child + delta,
    )
