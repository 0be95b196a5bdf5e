"""Indentation detection: mapping step, dash offset and sequence content column."""

from __future__ import annotations

from bot.yamledit.style import Indent, detect_indent


def test_two_space_flush_dashes() -> None:
    text = "spec:\n  containers:\n  - name: a\n    image: x\n"
    assert detect_indent(text) == Indent(mapping=2, sequence=2, offset=0)


def test_two_space_indented_dashes() -> None:
    text = "spec:\n  containers:\n    - name: a\n      image: x\n"
    assert detect_indent(text) == Indent(mapping=2, sequence=4, offset=2)


def test_four_space_indented_dashes_and_comments() -> None:
    text = "a:\n    # note\n    b:\n        - x: 1\n          y: 2\n    c:\n        d: 1\n"
    assert detect_indent(text) == Indent(mapping=4, sequence=6, offset=4)


def test_defaults_when_nothing_nested() -> None:
    assert detect_indent("a: 1\nb: 2\n") == Indent()
