"""The one way a repository source file is read as text, and written back the way it was.

Parsers and rewriters see normalised text: no UTF-8 BOM and `\\n` line endings. The file's
own format (BOM, CRLF) is kept beside it as a `TextFormat` and restored when the text is
written, committed or diffed, so a fix never changes a file's encoding or line endings.
Bytes that are not UTF-8 raise `SourceEncodingError` (an `InputError` naming the file), which
scan stages turn into an `errors` entry for that file.

A file whose line endings are mixed is left exactly as it is (`newline="\\n"`, nothing
normalised): each line keeps its own ending, and restoring changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.errors import InputError

BOM = "\ufeff"


class SourceEncodingError(InputError):
    """A repository file that is not UTF-8 text."""


@dataclass(frozen=True)
class TextFormat:
    bom: bool = False
    newline: str = "\n"

    def restore(self, text: str) -> str:
        """Normalised text back in this file's format (CRLF, BOM)."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return BOM + text if self.bom else text

    def encode(self, text: str) -> bytes:
        return self.restore(text).encode("utf-8")


@dataclass(frozen=True)
class SourceText:
    text: str  # normalised: no BOM, "\n" line endings
    format: TextFormat

    @property
    def original(self) -> str:
        return self.format.restore(self.text)


def normalise(raw: str) -> SourceText:
    """Split already-decoded text into normalised text and its format."""
    bom = raw.startswith(BOM)
    text = raw[1:] if bom else raw
    crlf = text.count("\r\n")
    if crlf and crlf == text.count("\n"):
        return SourceText(text.replace("\r\n", "\n"), TextFormat(bom=bom, newline="\r\n"))
    return SourceText(text, TextFormat(bom=bom))


def decode_source(data: bytes, name: str) -> SourceText:
    """Decode a source file's bytes; SourceEncodingError (naming `name`) when not UTF-8."""
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceEncodingError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return normalise(raw)


def read_source(path: Path, name: str | None = None) -> SourceText:
    """Read a repository source file (OSError propagates; non-UTF-8 is SourceEncodingError)."""
    return decode_source(path.read_bytes(), name or str(path))
