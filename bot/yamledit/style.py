"""Detect a document's block indentation so new lines look like their neighbours."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

_KEY_ONLY = re.compile(r"^( *)(?:- +)?[^\s#\-][^#]*?:\s*(?:#.*)?$")  # "key:" opening a block
_LINE = re.compile(r"^( *)(- +)?(\S)")


@dataclass(frozen=True)
class Indent:
    """ruamel's `yaml.indent(mapping=, sequence=, offset=)` triple."""

    mapping: int = 2
    sequence: int = 2
    offset: int = 0


def _most_common(counter: Counter[int], default: int) -> int:
    return counter.most_common(1)[0][0] if counter else default


def _opener_column(line: str) -> int | None:
    """Column of the key on a `key:` line that opens a block, else None."""
    match = _KEY_ONLY.match(line)
    if not match:
        return None
    stripped = line.lstrip(" ")
    column = len(line) - len(stripped)
    if stripped.startswith("-"):
        column += len(stripped) - len(stripped[1:].lstrip(" "))
    return column


def _code_lines(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            lines.append(line.rstrip())
    return lines


def detect_indent(text: str) -> Indent:
    """Most common mapping step, dash offset and sequence content column in `text`."""
    mapping: Counter[int] = Counter()
    offset: Counter[int] = Counter()
    sequence: Counter[int] = Counter()
    lines = _code_lines(text)
    for previous, line in itertools.pairwise(lines):
        parent = _opener_column(previous)
        child = _LINE.match(line)
        if parent is None or child is None:
            continue
        column = len(child.group(1))
        if child.group(2):  # "- item" under "key:"
            if column >= parent:
                offset[column - parent] += 1
                sequence[column - parent + len(child.group(2))] += 1
        elif column > parent:
            mapping[column - parent] += 1
    step = _most_common(mapping, 2)
    dash = _most_common(offset, 0)
    return Indent(mapping=step, sequence=max(_most_common(sequence, dash + 2), dash + 2), offset=dash)
