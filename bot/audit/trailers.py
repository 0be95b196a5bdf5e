"""`Fixbot-*` commit trailers (git interpret-trailers format): one `Key: value` per line."""

from __future__ import annotations

import re
from collections.abc import Mapping

TRAILER_KEYS = (
    "Fixbot-Event",
    "Fixbot-Finding",
    "Fixbot-Rule",
    "Fixbot-Resource",
    "Fixbot-Action",
    "Fixbot-Decision",
    "Fixbot-Decision-Rule",
    "Fixbot-Policy-Version",
    "Fixbot-Risk",
    "Fixbot-PR",
    "Fixbot-Commit",
    "Fixbot-Approved-By",
    "Fixbot-Verification",
    "Fixbot-Reverts",
    "Fixbot-Detail",
    "Fixbot-Seq",
    "Fixbot-Prev",
)
_KEY = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")
_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9-]*): ?(.*)$")
MAX_VALUE = 300


def clean_value(value: object) -> str:
    """One line, no control characters, bounded: untrusted text can never forge a trailer."""
    text = " ".join(str(value).split())
    text = "".join(ch for ch in text if ch.isprintable())
    return text[:MAX_VALUE].rstrip()  # a cut must not leave a space that parsing would strip


def format_trailers(trailers: Mapping[str, str]) -> str:
    lines = []
    for key, value in trailers.items():
        if not _KEY.match(key):
            raise ValueError(f"bad trailer key {key!r}")
        cleaned = clean_value(value)
        if cleaned:
            lines.append(f"{key}: {cleaned}")
    return "\n".join(lines)


def with_trailers(message: str, trailers: Mapping[str, str]) -> str:
    """`message` followed by a blank line and the trailer block."""
    block = format_trailers(trailers)
    body = message.rstrip()
    return f"{body}\n\n{block}\n" if block else f"{body}\n"


def parse_trailers(message: str) -> dict[str, str]:
    """The trailer block of a commit message (its last paragraph, every line `Key: value`)."""
    paragraphs = [p for p in message.strip().split("\n\n") if p.strip()]
    if len(paragraphs) < 2:
        return {}
    out: dict[str, str] = {}
    for line in paragraphs[-1].splitlines():
        m = _LINE.match(line.strip())
        if not m:
            return {}
        out[m.group(1)] = m.group(2).strip()
    return out


def split_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]
