"""Edits re-parse incrementally and carry untouched blocks over: the result must be exactly what
a fresh parse of the edited text gives, whatever the order of edits on a shared file."""

from __future__ import annotations

import random

from bot.hcledit import detect_indent_unit, ensure_attr, find_block, top_blocks
from bot.hcledit.blocks import block_at
from bot.hcledit.trees import _parser


def _file(n: int) -> str:
    parts = ["# shared file\n"]
    for i in range(n):
        parts.append(
            f'resource "aws_s3_bucket" "b{i}" {{\n  bucket = "b{i}"\n  tags = {{\n    team = "t{i % 3}"\n  }}\n}}\n'
        )
        parts.append(
            f'resource "aws_security_group" "sg{i}" {{\n    name = "sg{i}"\n    ingress {{\n'
            f"        from_port = 22\n    }}\n}}\n"
        )
    return "\n".join(parts)


def _fresh(data: bytes) -> list[object]:
    body = next(c for c in _parser().parse(data).root_node.children if c.type == "body")
    return [block_at(data, n) for n in body.children if n.type == "block"]


def test_composed_edits_locate_what_a_fresh_parse_locates() -> None:
    rng = random.Random(5)
    original = text = _file(12)
    addresses = [("resource", b.labels) for b in top_blocks(text.encode())]
    for step in range(40):
        if step % 10 == 0:
            text = original  # other resources of the file start again from the shared text
        address = rng.choice(addresses)
        path = rng.choice([(), ("ingress",), ("versioning",)])
        text = ensure_attr(text, address, path, f"a{step % 4}", f'"v{step}"')
        data = text.encode()
        assert list(top_blocks(data)) == _fresh(data)
        block = find_block(data, *address)
        assert block is not None and block == next(b for b in _fresh(data) if (b.kind, b.labels) == address)
        assert detect_indent_unit(data, block) in ("  ", "    ")


def test_an_edit_reads_the_blocks_it_touches_not_the_whole_file(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import bot.hcledit.model as model

    built: list[int] = []
    real = model.block_at

    def counting(data: bytes, node: object) -> object:
        built.append(1)
        return real(data, node)  # type: ignore[arg-type]

    monkeypatch.setattr(model, "block_at", counting)
    for size in (10, 200):
        text = _file(size)
        find_block(text.encode(), "resource", ("aws_s3_bucket", "b0"))  # the shared text, located once
        built.clear()
        for i in range(5):
            text = ensure_attr(text, ("resource", ("aws_s3_bucket", f"b{i}")), (), "acl", '"private"')
        assert len(built) <= 15, f"{len(built)} blocks materialised for 5 edits in a file of {2 * size} blocks"
