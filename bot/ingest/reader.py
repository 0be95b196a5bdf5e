"""Read one findings file: size-capped, UTF-8, JSON or JSON Lines; errors name file and line.

Findings files have their own cap (`max_findings_bytes`, 1 GiB by default), apart from the
source-file cap (`max_file_bytes`): a checkov report of a mid-size repository is tens of MB.
The file is read in chunks and decoded incrementally (never whole bytes and whole text at
once); JSON Lines records are parsed one line at a time as they stream in.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.errors import InputError

CHUNK = 1 << 20
CAP_KEY = "max_findings_bytes"


def _too_big(path: Path, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{path}: findings file is {size} bytes, above the {max_bytes}-byte findings-file limit "
        f"({CAP_KEY}); refusing to read it",
        hint=f"raise {CAP_KEY} in .fixbot.yml if this file is expected",
    )


def parse_json_text(text: str, name: str) -> Any:
    """A JSON document, or the list of records of a JSON Lines file."""
    if not text.strip():
        raise InputError(f"{name}: findings file is empty")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and _first_line_is_json(text):
            return _json_lines(text, name)
        raise InputError(f"{name}:{exc.lineno}: malformed JSON: {exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputError(f"{name}: JSON nested too deeply; refusing") from exc
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise InputError(f"{name}: unusable JSON value: {_short(exc)}") from exc


def _short(exc: Exception) -> str:
    return str(exc).split(";")[0][:200]


def _first_line_is_json(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return False
    return True


def _json_lines(text: str, name: str) -> list[Any]:
    return [_record(line, n, name) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]


def _text_chunks(path: Path, max_bytes: int) -> Iterator[str]:
    """The file's text in chunks, decoded incrementally; refused past `max_bytes`."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    total = 0
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_big(path, size, max_bytes)
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                if total + len(chunk) > max_bytes:  # grew while we read
                    raise _too_big(path, total + len(chunk), max_bytes)
                yield _decode(path, decoder, chunk, total)
                total += len(chunk)
    except OSError as exc:
        raise InputError(f"{path}: cannot read findings file: {exc.strerror or exc}") from exc
    yield _decode(path, decoder, b"", total, final=True)


def _decode(path: Path, decoder: codecs.IncrementalDecoder, chunk: bytes, offset: int, final: bool = False) -> str:
    try:
        return str(decoder.decode(chunk, final))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: findings file is not UTF-8 text (byte {offset + exc.start})") from exc


def _lines(chunks: Iterator[str]) -> Iterator[str]:
    """Lines with their endings, as the chunks arrive."""
    pending = ""
    for chunk in chunks:
        pending += chunk
        *complete, pending = pending.split("\n")
        for line in complete:
            yield line + "\n"
    if pending:
        yield pending


def _record(line: str, lineno: int, name: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{lineno}: malformed JSON Lines record: {exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputError(f"{name}:{lineno}: JSON nested too deeply; refusing") from exc
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise InputError(f"{name}:{lineno}: unusable JSON value: {_short(exc)}") from exc


def _stream_records(head: list[str], lines: Iterator[str], name: str) -> list[Any]:
    """JSON Lines: every non-empty line one record, parsed as it is read."""
    return [_record(line, n, name) for n, line in enumerate(_chain(head, lines), start=1) if line.strip()]


def _chain(head: list[str], lines: Iterator[str]) -> Iterator[str]:
    yield from head
    yield from lines


def _head(lines: Iterator[str], head: list[str], count: int) -> int:
    """Read lines into `head` until it holds `count` non-empty ones (or the file ends)."""
    found = sum(1 for line in head if line.strip())
    while found < count:
        line = next(lines, None)
        if line is None:
            break
        head.append(line)
        found += bool(line.strip())
    return found


def read_findings_file(path: Path, max_bytes: int) -> Any:
    """Parsed content of a findings file (JSON value, or list of JSON Lines records)."""
    lines = _lines(_text_chunks(path, max_bytes))
    head: list[str] = []
    _head(lines, head, 1)
    first = next((line for line in head if line.strip()), "")
    if first and _first_line_is_json(first) and _head(lines, head, 2) == 2:
        return _stream_records(head, lines, str(path))  # the first value ends on its line: JSON Lines
    return parse_json_text("".join(_chain(head, lines)), str(path))
