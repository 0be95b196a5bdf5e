"""What the checkov records of one report share, derived once: rule ids, titles, severities,
line spans and cleaned excerpt text.

A report repeats a few hundred check ids and file paths over thousands of records; each value
is still derived exactly as for a single record, only once.
"""

from __future__ import annotations

from typing import Any

from bot.ingest.base import clean_rule_id, clean_text, line_span
from bot.models.common import LineSpan, Severity
from bot.rules import canonical_rule, default_severity, rule_title

EXCERPT_KEYS = ("check_id", "resource", "file_path", "file_line_range", "check_class", "guideline")


def checkov_severity(raw: str | None, canonical: str) -> Severity:
    """checkov's own severity when it gives a known one, else the rule's default."""
    try:
        return Severity(raw.lower()) if raw else default_severity(canonical)
    except ValueError:
        return default_severity(canonical)


def checkov_span(lines: list[int] | None) -> LineSpan | None:
    """A record's `file_line_range` as a span (None when absent or nonsensical)."""
    lines = lines or []
    return line_span(lines[0], lines[1] if len(lines) > 1 else None) if lines else None


class Memo:
    """Per-report memo (see the module docstring)."""

    def __init__(self) -> None:
        self.checks: dict[tuple[str, str | None, str | None], tuple[str, str, str, Severity]] = {}
        self.spans: dict[tuple[int, ...], LineSpan | None] = {}
        self.texts: dict[str, str] = {}

    def check(self, check_id: str, name: str | None, severity: str | None) -> tuple[str, str, str, Severity]:
        """(the id as checkov spells it, cleaned; its canonical id; the title; the severity)."""
        key = (check_id, name, severity)
        got = self.checks.get(key)
        if got is None:
            spelled = clean_rule_id(check_id)
            canonical = canonical_rule(spelled, "checkov")
            title = clean_text(name or rule_title(canonical) or canonical)
            got = self.checks[key] = (spelled, canonical, title, checkov_severity(severity, canonical))
        return got

    def span(self, lines: list[int] | None) -> LineSpan | None:
        key = tuple(lines or ())
        if key not in self.spans:
            self.spans[key] = checkov_span(lines)
        return self.spans[key]

    def excerpt(self, record: dict[str, Any]) -> dict[str, Any]:
        """`excerpt(record, EXCERPT_KEYS)`, with each distinct value cleaned once."""
        out: dict[str, Any] = {}
        texts = self.texts
        for key in EXCERPT_KEYS:
            value = record.get(key)
            if value is None:
                continue
            if type(value) is not str:
                if isinstance(value, int | float | bool):
                    out[key] = value
                    continue
                value = value if isinstance(value, str) else str(value)  # what clean_text cleans
            cleaned = texts.get(value)
            if cleaned is None:
                cleaned = texts[value] = clean_text(value, 200)
            out[key] = cleaned
        return out
