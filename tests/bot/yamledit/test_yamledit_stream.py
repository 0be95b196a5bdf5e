"""Splitting a YAML stream keeps every byte and counts documents exactly like the loader."""

from __future__ import annotations

import pytest

from bot.yamledit.stream import document_positions, join, split
from bot.yamlsafe import load_yaml_all

STREAMS = [
    "",
    "# only a comment\n",
    "a: 1\n",
    "# c\n---\na: 1\n",
    "a: 1\n---\n",
    "a: 1\n---\n---\nb: 1\n",
    "---\n",
    "a: 1\n...\n# x\n---\nb: 2\n",
    "--- # hi\na: 1\n",
    "a: 1\n--- \n# just comment\n",
    "%YAML 1.2\n---\na: 1\n",
    "a: |\n  ---not a marker\n  x\n---\nb: 2",
    "a: 1\r\n---\r\nb: 2\r\n",
]


@pytest.mark.parametrize("text", STREAMS)
def test_split_is_lossless_and_counts_documents_like_load_all(text: str) -> None:
    chunks = split(text)
    assert join(chunks) == text
    assert len(document_positions(chunks)) == len(load_yaml_all(text, "t"))


def test_separator_lines_stay_in_their_chunk_headers() -> None:
    chunks = split("a: 1\n---   # second\nb: 2\n")
    assert [c.header for c in chunks] == ["", "---   # second\n"]
    assert [c.body for c in chunks] == ["a: 1\n", "b: 2\n"]


def test_content_on_the_marker_line_is_flagged() -> None:
    assert split("--- {a: 1}\n")[0].inline_content
    assert not split("--- # comment\na: 1\n")[0].inline_content
