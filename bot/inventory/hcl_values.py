"""Best-effort plain values from tree-sitter-hcl expression nodes.

Literals become Python values (strings unquoted, numbers, bools, None, lists, dicts);
anything else (references, function calls, interpolated templates, conditionals) is kept
as its source text, and the addresses it mentions are collected as references.
"""

from __future__ import annotations

import re
from typing import Any

from tree_sitter import Node

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE_RE = re.compile(r"\\(.)")
# `aws_s3_bucket.x`, `data.aws_iam_policy_document.p`, `module.vpc` inside expression text.
REFERENCE_RE = re.compile(
    r"(?<![\w.\-])(data\.[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*|module\.[A-Za-z_][\w-]*"
    r"|[A-Za-z][A-Za-z0-9]*_[\w-]*\.[A-Za-z_][\w-]*)"
)


class Expression(str):
    """A non-literal value kept as its source text (`var.env`, `"${local.x}-a"`, `merge(...)`)."""

    __slots__ = ()


class ValueReader:
    """Converts the nodes of one file; `references` accumulates what non-literal text mentions."""

    def __init__(self, src: bytes) -> None:
        self.src = src
        # ASCII source (the usual case): byte offsets are str offsets, so slice one decoded copy.
        self._ascii = src.decode("ascii") if src.isascii() else None
        self.references: list[str] = []
        self.problems: list[tuple[int, str]] = []  # (line, message): valid tree-sitter, invalid HCL

    def text(self, node: Node) -> str:
        if self._ascii is not None:
            return self._ascii[node.start_byte : node.end_byte]
        return self.src[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def expression(self, node: Node) -> Any:
        """Value of an `expression` node (or of one of its direct forms)."""
        if node.type != "expression":
            return self._form(node, node)
        if node.named_child_count == 1:
            return self._form(node.named_child(0), node)
        return self._source(node)

    def _form(self, form: Node, whole: Node) -> Any:
        kind = form.type
        if kind == "literal_value":
            return self._literal(form.named_child(0))
        if kind == "collection_value":
            inner: Node = form.named_child(0)
            return self._tuple(inner) if inner.type == "tuple" else self.object(inner)
        if kind == "template_expr":
            value = self._template(form.named_child(0))
            if value is not None:
                return value
        return self._source(whole)

    def _source(self, node: Node) -> Expression:
        text = self.text(node)
        self.references.extend(REFERENCE_RE.findall(text))
        return Expression(text)

    def _literal(self, node: Node) -> Any:
        kind = node.type
        if kind == "string_lit":
            return self.string(node)
        if kind == "numeric_lit":
            raw = self.text(node)
            try:
                return int(raw)
            except ValueError:
                return float(raw)
        if kind == "bool_lit":
            return self.text(node) == "true"
        return None  # null_lit

    def string(self, node: Node) -> str:
        """Unquoted value of a `string_lit` / `quoted_template` without interpolation."""
        count = node.named_child_count
        middle = node.named_child(1) if count == 3 else None  # `"`, text, `"`: the usual shape
        if middle is not None and middle.type == "template_literal":
            raw = self.text(middle)
        else:
            raw = "".join([self.text(c) for c in node.named_children if c.type == "template_literal"])
        if "\\" not in raw:
            return raw  # nothing escaped (the common case)
        return _ESCAPE_RE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), raw)

    def _template(self, node: Node) -> str | None:
        names = {c.type for c in node.named_children}
        if names & {"template_interpolation", "template_directive"}:
            return None
        if node.type == "quoted_template":
            return self.string(node)
        if node.type == "heredoc_template":
            return self._heredoc(node)
        return None

    def _heredoc(self, node: Node) -> str:
        body = [c for c in node.named_children if c.type == "template_literal"]
        if not body:
            return ""
        start = self.src.rfind(b"\n", 0, body[0].start_byte) + 1  # keep the first line's indent
        text = self.src[start : body[-1].end_byte].decode("utf-8", "replace") + "\n"
        if self.text(node).startswith("<<-"):
            lines = text.split("\n")
            indent = min((len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()), default=0)
            text = "\n".join(ln[indent:] for ln in lines)
        return text

    def _tuple(self, node: Node) -> list[Any]:
        return [self.expression(c) for c in node.named_children if c.type == "expression"]

    def object(self, node: Node) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for elem in node.named_children:
            if elem.type != "object_elem":
                continue
            exprs = [c for c in elem.named_children if c.type == "expression"]
            if len(exprs) == 2:
                out[self.key(exprs[0])] = self.expression(exprs[1])
        return out

    def key(self, node: Node) -> str:
        """An object key: a bare identifier or a string literal; anything else as source."""
        value = self.expression(node)
        return value if isinstance(value, str) else self.text(node)

    def body(self, body: Node | None) -> dict[str, Any]:
        """Attributes and nested blocks (lists of dicts under the block type) of a body."""
        out: dict[str, Any] = {}
        if body is None:
            return out
        previous_end = -1
        for child in body.named_children:
            kind = child.type
            if kind in ("attribute", "block"):
                start_line = child.start_point[0]
                if start_line == previous_end:
                    self.problems.append((start_line + 1, "arguments must be on separate lines"))
                previous_end = child.end_point[0]
            if kind == "attribute":
                parts = child.named_children
                out[self.text(parts[0])] = self.expression(parts[-1])
            elif kind == "block":
                block_type, labels, inner = self.block_parts(child)
                value: Any = self.body(inner)
                for label in reversed(labels):
                    value = {label: value}
                out.setdefault(block_type, []).append(value)
        return out

    def block_parts(self, block: Node) -> tuple[str, list[str], Node | None]:
        """(type, labels, body) of a `block` node."""
        block_type = ""
        labels: list[str] = []
        inner: Node | None = None
        for child in block.named_children:
            if child.type == "identifier":
                if block_type:
                    labels.append(self.text(child))
                else:
                    block_type = self.text(child)
            elif child.type == "string_lit":
                labels.append(self.string(child))
            elif child.type == "body":
                inner = child
        return block_type, labels, inner
