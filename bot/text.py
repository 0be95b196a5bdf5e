"""Untrusted text made safe for humans: markdown escaping, no mentions, no links."""

from __future__ import annotations

import re

from bot.models.report import Assessment

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def one_line(text: str | None, limit: int = 200) -> str:
    """Untrusted text for a PR title or a commit subject: one line, bounded.

    Every line break (LF, CR, U+2028, NEL, vertical tab...) and control character becomes a
    space, so a finding-derived string can never start a new line, let alone a forged
    `Fixbot-*` trailer line.
    """
    flat = " ".join(_CONTROL.sub(" ", str(text or "")).split())
    return flat[:limit]


def listed_line(head: str, items: list[str], tail: str, limit: int, sep: str = ", ") -> str:
    """`head` + items + `tail` on one bounded line; when too long, the last items become "(+N more)"
    so the tail (the resource a PR is about) is never cut off."""
    tail = (" " if tail.startswith(" ") else "") + one_line(tail, limit // 2)
    for keep in range(len(items), 0, -1):
        more = f" (+{len(items) - keep} more)" if keep < len(items) else ""
        line = one_line(f"{head}{sep.join(items[:keep])}{more}{tail}", 10 * limit)
        if len(line) <= limit:
            return line
    return one_line(f"{head}{items[0] if items else ''}{tail}", limit)


def md_escape(text: str | None) -> str:
    """Escape untrusted text for markdown: no markup, no HTML, no @mentions, no links."""
    if not text:
        return ""
    flat = " ".join(str(text).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    return escaped.replace("@", "@\u200b").replace("://", ":\u200b//")


def decision_label(a: Assessment) -> str:
    """`allow (rule)` — the outcome and the first rule that decided it."""
    if a.decision is None:
        return ""
    rule = a.decision.reasons[0].rule if a.decision.reasons else ""
    return f"{a.decision.outcome.value} ({rule})" if rule else a.decision.outcome.value
