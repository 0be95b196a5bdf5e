"""Untrusted text inside fixbot's own comments: code spans and plain prose, never markup."""

from __future__ import annotations

from bot.text import md_escape

MAX = 200


def code(text: str | None) -> str:
    """A code span: no backticks or line breaks can escape it; mentions do not notify inside."""
    flat = " ".join(str(text or "").split()).replace("`", "'")[:MAX]
    return f"`{flat}`" if flat else "``"


def plain(text: str | None) -> str:
    return md_escape(text)
