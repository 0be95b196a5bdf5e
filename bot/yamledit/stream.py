"""Split a YAML stream into documents while keeping every byte (separators, comments) as is.

YAML forbids `---` / `...` at column 0 inside content, so a line scan finds the exact
document boundaries; `join(split(text)) == text` always holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_START = re.compile(r"---(?=[ \t\r\n]|$)")
_END = re.compile(r"\.\.\.(?=[ \t\r\n]|$)")


@dataclass(frozen=True)
class Chunk:
    """One region of the stream: `header` (the `---` line, if any), `body`, `trailer`.

    `trailer` holds a `...` end marker and whatever follows it up to the next `---`.
    """

    header: str
    body: str
    trailer: str

    @property
    def text(self) -> str:
        return self.header + self.body + self.trailer

    @property
    def is_document(self) -> bool:
        """Mirrors how a YAML loader counts documents (see `load_all`)."""
        return bool(self.header) or has_content(self.body)

    @property
    def inline_content(self) -> bool:
        """`--- {a: 1}` / `--- !tag`: content on the marker line itself."""
        rest = self.header[3:].strip()
        return bool(rest) and not rest.startswith("#")

    def with_body(self, body: str) -> Chunk:
        return replace(self, body=body)


def split_marker(line: str) -> bool:
    """A `---` / `...` line at column 0: it would start or end a document."""
    return bool(_START.match(line) or _END.match(line))


def has_content(text: str) -> bool:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and not stripped.startswith("%"):
            return True
    return False


def split(text: str) -> list[Chunk]:
    """Every chunk of `text` in order; chunks that are not documents are kept too."""
    chunks: list[Chunk] = []
    header = ""
    body: list[str] = []
    trailer: list[str] = []
    ended = False
    for line in text.splitlines(keepends=True):
        if _START.match(line):
            chunks.append(Chunk(header, "".join(body), "".join(trailer)))
            header, body, trailer, ended = line, [], [], False
        elif ended or _END.match(line):
            ended = True
            trailer.append(line)
        else:
            body.append(line)
    chunks.append(Chunk(header, "".join(body), "".join(trailer)))
    return [c for c in chunks if c.text] or [Chunk("", "", "")]


def join(chunks: list[Chunk]) -> str:
    return "".join(c.text for c in chunks)


def document_positions(chunks: list[Chunk]) -> list[int]:
    """Chunk index of each document, in `load_all` order."""
    return [i for i, chunk in enumerate(chunks) if chunk.is_document]
