"""Untrusted text made safe for humans: markdown escaping, no mentions, no links."""

from __future__ import annotations

import re

from bot.models.report import Assessment

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


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
