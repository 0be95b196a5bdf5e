"""The hidden markers fixbot finds its dashboard, its tickets and the checkboxes by.

Markers are HTML comments. Everything that goes inside one is either a validated id (hex
fingerprints, finding ids matching `SAFE_ID`) or JSON whose `<`, `>` and `-` are escaped, so
no untrusted text can close the comment or smuggle markup into the rendered issue.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping

DASHBOARD_LABEL = "fixbot-dashboard"
DASHBOARD_TITLE = "fixbot dashboard"
DASHBOARD_MARKER = "<!-- fixbot-dashboard:v1 -->"
TICKET_LABEL = "fixbot-ticket"
TICKET_RESOLVED = "<!-- fixbot-ticket-resolved -->"

SAFE_ID = re.compile(r"^[A-Za-z0-9_.:]+(?:-[A-Za-z0-9_.:]+)*$")  # no "--": cannot end a comment
_BOX = re.compile(r"^\s*[-*] \[( |x|X)\] <!-- fixbot:fix:([A-Za-z0-9_.:-]+) -->", re.MULTILINE)
_ROWS = re.compile(r"<!-- fixbot-dashboard-rows (\{.*?\}) -->")
_TICKET = re.compile(r"<!-- fixbot-ticket:([0-9a-f]{16}) -->")
_SHA = re.compile(r"^[0-9a-f]{7,64}$")
MAX_ID = 80


def is_sha(value: str | None) -> bool:
    return bool(value and _SHA.match(value))


def safe_id(value: str) -> bool:
    return len(value) <= MAX_ID and bool(SAFE_ID.match(value))


def checkbox(finding_id: str, ticked: bool = False) -> str:
    if not safe_id(finding_id):
        raise ValueError(f"finding id {finding_id!r} cannot go into a marker")
    return f"- [{'x' if ticked else ' '}] <!-- fixbot:fix:{finding_id} -->"


def boxes(body: str) -> dict[str, bool]:
    """finding id -> ticked, for every checkbox line of a dashboard body."""
    return {fid: mark != " " for mark, fid in _BOX.findall(body or "") if safe_id(fid)}


def _escape_json(data: Mapping[str, object]) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("-", "\\u002d")


def rows_marker(rows: Mapping[str, str]) -> str:
    """finding id -> resource of every checkbox row, for the `issues.edited` handler."""
    return f"<!-- fixbot-dashboard-rows {_escape_json({'v': 1, 'rows': dict(rows)})} -->"


def read_rows(body: str) -> dict[str, str]:
    found = _ROWS.findall(body or "")
    try:
        rows = json.loads(found[-1])["rows"] if found else {}
    except (ValueError, KeyError, TypeError):
        return {}
    if not isinstance(rows, dict):
        return {}
    return {str(k): str(v) for k, v in rows.items() if safe_id(str(k)) and isinstance(v, str)}


def is_dashboard(body: str) -> bool:
    return DASHBOARD_MARKER in (body or "")


def resource_fingerprint(resource: str) -> str:
    return hashlib.sha256(f"ticket\x00{resource}".encode()).hexdigest()[:16]


def ticket_marker(fingerprint: str) -> str:
    return f"<!-- fixbot-ticket:{fingerprint} -->"


def ticket_fingerprint(body: str) -> str | None:
    found = _TICKET.findall(body or "")
    return found[0] if found else None


def plain_title(text: str, limit: int = 120) -> str:
    """Untrusted text for an issue title: one line, no mention pings, bounded."""
    flat = " ".join(str(text or "").split()).replace("@", "@\u200b")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
