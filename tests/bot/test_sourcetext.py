"""Defect classes 8 and 9: one reader for every source file; BOM and CRLF restored exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import InputError
from bot.sourcetext import BOM, decode_source, read_source


def test_bom_and_crlf_are_normalised_and_restored() -> None:
    raw = (BOM + 'resource "a" "b" {\r\n  x = 1\r\n}\r\n').encode("utf-8")
    src = decode_source(raw, "main.tf")
    assert src.text == 'resource "a" "b" {\n  x = 1\n}\n'
    assert src.format.bom and src.format.newline == "\r\n"
    assert src.format.encode(src.text + "y = 2\n") == raw + b"y = 2\r\n"


def test_mixed_line_endings_are_left_as_they_are() -> None:
    src = decode_source(b"a\r\nb\nc\r\n", "m.tf")
    assert src.text == "a\r\nb\nc\r\n" and src.format.newline == "\n"


def test_not_utf8_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "latin1.tf").write_bytes("# caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1.tf: not UTF-8"):
        read_source(tmp_path / "latin1.tf", "latin1.tf")


@given(st.lists(st.sampled_from(["a", "é", "\n", "\r", "\r\n", "\u2028", "\t", " ", "{", "\ufeff"])).map("".join))
def test_every_utf8_text_round_trips_byte_for_byte(text: str) -> None:
    for data in (text.encode("utf-8"), (BOM + text).encode("utf-8")):
        src = decode_source(data, "f")
        assert src.format.encode(src.text) == data
        assert BOM not in src.text[:1] or data.startswith((BOM + BOM).encode())
