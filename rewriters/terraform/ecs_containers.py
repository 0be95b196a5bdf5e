"""ECS task definitions: set a key in every container of a literal `jsonencode([...])` list."""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from bot.hcledit import EditRefused, locate
from bot.hcledit.parse import node_text, parse, syntax_problem
from rewriters.base import RewriteContext
from rewriters.terraform.common import address


def _child(node: Node, kind: str) -> Node | None:
    return next((c for c in node.children if c.type == kind), None)


def _containers(data: bytes, ctx: RewriteContext) -> list[Node]:
    attr = locate(data.decode("utf-8"), address(ctx)).attr("container_definitions")
    if attr is None or attr.heredoc or not attr.value.lstrip().startswith("jsonencode(["):
        shown = attr.value.strip()[:40] if attr is not None and not attr.heredoc else "a heredoc"
        raise EditRefused(f"container_definitions is {shown!r}, not a literal jsonencode([...]) list; edit by hand")
    node = parse(data).root_node.descendant_for_byte_range(attr.value_start, attr.value_end)
    tuples = [n for n in _walk(node) if n.type == "tuple"] if node is not None else []
    if not tuples:
        raise EditRefused("container_definitions has no literal list of containers")
    objects = []
    for element in (c for c in tuples[0].children if c.type == "expression"):
        found = _child(_child(element, "collection_value") or element, "object")
        if found is None:
            raise EditRefused("a container definition is not a literal object; edit by hand")
        objects.append(found)
    return objects


def _walk(node: Node) -> list[Node]:
    out = [node]
    for child in node.children:
        out += _walk(child)
    return out


def _elem(data: bytes, obj: Node, key: str) -> Node | None:
    for elem in (c for c in obj.children if c.type == "object_elem"):
        if node_text(data, elem.children[0]).strip().strip('"') == key:
            return elem
    return None


def _insertion(data: bytes, obj: Node, key: str, value: str) -> tuple[int, int, str]:
    elems = [c for c in obj.children if c.type == "object_elem"]
    end = _child(obj, "object_end")
    assert end is not None
    line_start = data.rfind(b"\n", 0, end.start_byte) + 1
    if elems and not data[line_start : end.start_byte].strip():
        first = elems[0].start_byte
        indent = data[data.rfind(b"\n", 0, first) + 1 : first].decode("utf-8")
        return line_start, line_start, f"{indent}{key} = {value}\n"
    if not elems:
        return end.start_byte, end.start_byte, f"{key} = {value} "
    return elems[-1].end_byte, elems[-1].end_byte, f", {key} = {value}"


def set_in_containers(ctx: RewriteContext, text: str, key: str, value: str, ok: Callable[[str], bool]) -> str:
    data = text.encode("utf-8")
    edits: list[tuple[int, int, str]] = []
    for obj in _containers(data, ctx):
        elem = _elem(data, obj, key)
        if elem is None:
            edits.append(_insertion(data, obj, key, value))
        elif not ok(node_text(data, elem.children[-1]).strip()):
            edits.append((elem.children[-1].start_byte, elem.children[-1].end_byte, value))
    for start, end, new in sorted(edits, reverse=True):
        data = data[:start] + new.encode("utf-8") + data[end:]
    out = data.decode("utf-8")
    problem = syntax_problem(out)
    if problem is not None:
        raise EditRefused(f"the edit would not parse ({problem}); left untouched")
    return out
