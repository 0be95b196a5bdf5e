"""Glob bodies (`**`, `*`, `?`) as regular expressions over repo-relative `/` paths."""

from __future__ import annotations

import re

_TOKENS = (("**/", "(?:.*/)?"), ("**", ".*"), ("*", "[^/]*"), ("?", "[^/]"))


def glob_body(text: str, *, backslash_escapes: bool = False) -> str:
    """The regex for `text`: `**/` any directories, `**` anything, `*`/`?` within one segment."""
    out: list[str] = []
    i = 0
    while i < len(text):
        token = next(((tok, rx) for tok, rx in _TOKENS if text.startswith(tok, i)), None)
        if token is not None:
            out.append(token[1])
            i += len(token[0])
        elif backslash_escapes and text[i] == "\\" and i + 1 < len(text):
            out.append(re.escape(text[i + 1]))
            i += 2
        else:
            out.append(re.escape(text[i]))
            i += 1
    return "".join(out)
