"""Nested-block settings through `dynamic` blocks: a target inside `dynamic "x"` is set in its
`content` (every generated block gets it); static paths go through `ensure_tree` as before."""

from __future__ import annotations

from bot.hcledit import (
    Address,
    Attr,
    Block,
    BlockSpec,
    Wants,
    add_attribute,
    add_block,
    ensure_tree,
    locate,
    replace_value,
)
from bot.hcledit.refs import dynamic_block, dynamic_content


def _step(block: Block, kind: str) -> tuple[Block | None, Block | None]:
    """The child `kind` of `block`: (block, dynamic wrapper it is the content of, if any)."""
    static = block.child(kind)
    if static is not None:
        return static, None
    content = dynamic_content(block, kind)
    return (content, dynamic_block(block, kind)) if content is not None else (None, None)


def walk(block: Block, path: tuple[str, ...]) -> tuple[Block, int, tuple[Block, ...]]:
    """Deepest block along `path` (through dynamic contents), steps found, dynamic blocks crossed."""
    crossed: list[Block] = []
    for depth, kind in enumerate(path):
        nested, dyn = _step(block, kind)
        if nested is None:
            return block, depth, tuple(crossed)
        if dyn is not None:
            crossed.append(dyn)
        block = nested
    return block, len(path), tuple(crossed)


def current(root: Block, path: tuple[str, ...], name: str) -> tuple[Attr | None, tuple[Block, ...]]:
    """The attribute `name` at `path` below `root` (through dynamic contents), and the dynamic blocks crossed."""
    block, depth, crossed = walk(root, path)
    return (block.attr(name) if depth == len(path) else None), crossed


def iterator_reason(attr: Attr, crossed: tuple[Block, ...]) -> str | None:
    """Why `attr` cannot be fixed when its value reads a dynamic block's element."""
    for dyn in crossed:
        iterator = dyn.attr("iterator")
        names = (dyn.labels[0], iterator.value.strip()) if iterator is not None else dyn.labels[:1]
        if any(f"{n}.value" in attr.value or f"{n}.key" in attr.value for n in names):
            source = dyn.attr("for_each")
            origin = " ".join(source.value.split()) if source is not None else "its for_each"
            return (f"`{attr.name}` inside dynamic \"{dyn.labels[0]}\" is read from each element of "
                    f"{origin}; set it in that input")
    return None


def _spec(path: tuple[str, ...], items: tuple[tuple[str, str], ...]) -> BlockSpec:
    spec = BlockSpec(path[-1], items=items)
    for kind in reversed(path[:-1]):
        spec = BlockSpec(kind, items=(spec,))
    return spec


def _ensure_dynamic(text: str, address: Address, path: tuple[str, ...], wants: Wants) -> str:
    for name, value, accept in wants[path]:
        block, depth, _ = walk(locate(text, address), path)
        if depth < len(path):
            return add_block(text, block, _spec(path[depth:], tuple((n, v) for n, v, _ in wants[path])))
        attr = block.attr(name)
        if attr is None:
            text = add_attribute(text, block, name, value)
        elif not (attr.value == value or (accept is not None and accept(attr.value))):
            text = replace_value(text, attr, value)
    return text


def ensure(text: str, address: Address, wants: Wants) -> str:
    """`ensure_tree`, except that paths running through a `dynamic` block are set in its content."""
    root = locate(text, address)
    through = {p for p in wants if walk(root, p)[2]}
    static = {p: w for p, w in wants.items() if p not in through}
    text = ensure_tree(text, address, static) if static else text
    for path in sorted(through):
        text = _ensure_dynamic(text, address, path, wants)
    return text
