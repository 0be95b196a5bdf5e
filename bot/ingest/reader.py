"""Read one findings file: size-capped, UTF-8, JSON or JSON Lines; errors name file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.errors import InputError


def read_bytes_capped(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refused with a clear message when above `max_bytes`."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_big(path, size, max_bytes)
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read findings file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:  # grew while we looked
        raise _too_big(path, len(data), max_bytes)
    return data


def _too_big(path: Path, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{path}: findings file is {size} bytes, above the {max_bytes}-byte limit; refusing to read it",
        hint="raise max_file_bytes in .fixbot.yml if this file is expected",
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
    records: list[Any] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{lineno}: malformed JSON Lines record: {exc.msg} (column {exc.colno})") from exc
        except RecursionError as exc:
            raise InputError(f"{name}:{lineno}: JSON nested too deeply; refusing") from exc
        except ValueError as exc:
            raise InputError(f"{name}:{lineno}: unusable JSON value: {_short(exc)}") from exc
    return records


def read_findings_file(path: Path, max_bytes: int) -> Any:
    """Parsed content of a findings file (JSON value, or list of JSON Lines records)."""
    raw = read_bytes_capped(path, max_bytes)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: findings file is not UTF-8 text (byte {exc.start})") from exc
    return parse_json_text(text, str(path))
