"""Byte-span splices on HCL text. Everything outside the spliced span is left byte-identical.

Every function takes the current text and a `Block` located in that very text, and returns
the new text, or raises `EditRefused` when the edit would touch a heredoc or would not parse.
"""

from __future__ import annotations

from bot.hcledit.model import Attr, Block, derived, detect_indent_unit
from bot.hcledit.parse import EditRefused, splice_problem
from bot.hcledit.render import BlockSpec, render_block
from bot.hcledit.trees import Splice


def _splice(data: bytes, start: int, end: int, new: str, statements: str | None = None) -> str:
    """Replace [start, end) with `new`; tree-sitter checks the whole result and python-hcl2 the
    `statements` the splice adds (whole `name = value` lines or blocks; see `splice_problem`)."""
    if b"\r\n" in data:  # keep a CRLF file CRLF
        new = new.replace("\r\n", "\n").replace("\n", "\r\n")
    inserted = new.encode("utf-8")
    out = data[:start] + inserted + data[end:]
    derived(data, out, Splice(start, end, start + len(inserted)))  # re-parse only what changed
    problem = splice_problem(out, start, start + len(inserted), statements=statements)
    if problem is not None:
        raise EditRefused(f"the edit would not parse ({problem}); left untouched")
    return out.decode("utf-8")


def _line_end(data: bytes, pos: int) -> int:
    """Offset of the end of `pos`'s line (before its `\n`, or `\r\n`)."""
    nl = data.find(b"\n", pos)
    if nl < 0:
        return len(data)
    return nl - 1 if nl > 0 and data[nl - 1 : nl] == b"\r" else nl


def replace_value(text: str, attr: Attr, value: str) -> str:
    """`name = old` → `name = value`; the rest of the line (alignment, comment) stays."""
    if attr.heredoc:
        raise EditRefused(f"'{attr.name}' is a heredoc; edit it by hand")
    if attr.value == value:
        return text
    return _splice(text.encode("utf-8"), attr.value_start, attr.value_end, value, f"{attr.name} = {value}")


def _group(data: bytes, block: Block, anchor: Attr) -> list[Attr]:
    """The run of single-line attributes on consecutive lines ending at `anchor`."""
    singles = sorted((a for a in block.attrs if not a.multiline), key=lambda a: a.start)
    run = [anchor]
    for attr in reversed([a for a in singles if a.start < anchor.start]):
        between = data[attr.end : run[0].line_start]
        if between.count(b"\n") != 1:
            break
        run.insert(0, attr)
    return run


def _eq_col(data: bytes, attr: Attr) -> int:
    return data.find(b"=", attr.start) - attr.line_start


def _fmt_aligned(data: bytes, group: list[Attr], indent: str) -> bool:
    """Is the group laid out as `terraform fmt` does (every `=` one column after the longest name)?"""
    width = max(len(a.name) for a in group)
    return all(_eq_col(data, a) == len(indent) + width + 1 for a in group)


def _insert_in_group(data: bytes, block: Block, anchor: Attr, indent: str, name: str, value: str) -> str:
    """Insert after `anchor` without touching existing lines yet staying `terraform fmt` clean:
    pad to the aligned group's column, or start a new group (blank line) if the name is longer."""
    at = _line_end(data, anchor.end)
    group = [] if anchor.multiline else _group(data, block, anchor)
    statement = f"{name} = {value}"
    if not group or not _fmt_aligned(data, group, indent):
        return _splice(data, at, at, f"\n{indent}{name} = {value}", statement)
    width = max(len(a.name) for a in group)
    if len(name) <= width:
        return _splice(data, at, at, f"\n{indent}{name.ljust(width)} = {value}", statement)
    return _splice(data, at, at, f"\n\n{indent}{name} = {value}", statement)


def add_attribute(text: str, block: Block, name: str, value: str) -> str:
    """Insert `name = value` after the block's leading attributes (before nested blocks)."""
    data = text.encode("utf-8")
    unit = detect_indent_unit(data, block)
    indent = block.indent + unit
    first_block = min((b.start for b in block.blocks), default=block.close_start)
    leading = [a for a in block.attrs if a.start < first_block]
    if leading:
        singles = [a for a in leading if not a.multiline]  # join the main group, not a trailing map
        anchor = max(singles or leading, key=lambda a: a.start)
        if _line_end(data, anchor.end) > block.close_start:
            raise EditRefused(f"block '{block.kind}' closes on an attribute's line; edit it by hand")
        return _insert_in_group(data, block, anchor, indent, name, value)
    return _insert_lines(data, block, [f"{indent}{name} = {value}"], before_children=True)


def add_block(text: str, block: Block, spec: BlockSpec) -> str:
    """Append a nested block at the end of `block`'s body (a blank line before it)."""
    data = text.encode("utf-8")
    unit = detect_indent_unit(data, block)
    lines = render_block(spec, block.indent + unit, unit)
    empty = block.first_child is None or block.first_child >= block.close_start
    return _insert_lines(data, block, lines if empty else ["", *lines])


def _insert_lines(data: bytes, block: Block, lines: list[str], before_children: bool = False) -> str:
    chunk = "\n".join(lines)
    has_body = block.first_child is not None and block.first_child < block.close_start
    if before_children and has_body and block.first_child is not None:
        at = data.rfind(b"\n", 0, block.first_child) + 1
        if at > block.open_end and not data[at : block.first_child].strip():
            return _splice(data, at, at, chunk + "\n", chunk)
    close_line = data.rfind(b"\n", 0, block.close_start) + 1
    if close_line > block.open_end and not data[close_line : block.close_start].strip():
        return _splice(data, close_line, close_line, chunk + "\n", chunk)
    if not data[block.open_end : block.close_start].strip():
        return _splice(data, block.open_end, block.close_start, "\n" + chunk + "\n" + block.indent, chunk)
    raise EditRefused(f"block '{block.kind}' is written on one line with content; edit it by hand")


def append_sibling(text: str, block: Block, spec: BlockSpec) -> str:
    """Add a new top-level block right after `block`, separated by one blank line."""
    data = text.encode("utf-8")
    unit = detect_indent_unit(data, block)
    at = _line_end(data, block.end)
    rendered = "\n".join(render_block(spec, block.indent, unit))
    return _splice(data, at, at, "\n\n" + rendered, rendered)
