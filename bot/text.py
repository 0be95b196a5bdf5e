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
