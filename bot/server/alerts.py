"""A `code_scanning_alert` payload → a one-result SARIF log the ingest stage reads.

Every field is untrusted; only strings of bounded length are copied, the path must be a plain
repo-relative path, and nothing from the alert chooses an action (the rule id maps to a
rewriter through the catalogue, like any other scanner's finding).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_PATH = re.compile(r"^[A-Za-z0-9_.\-/]+$")
_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "2.0"}


def _str(obj: Any, *path: str, limit: int = 300) -> str:
    for key in path:
        obj = obj.get(key) if isinstance(obj, Mapping) else None
    return obj[:limit] if isinstance(obj, str) else ""


def _line(obj: Any) -> int:
    value = obj.get("start_line") if isinstance(obj, Mapping) else None
    return value if isinstance(value, int) and value > 0 else 1


def _instance(alert: Mapping[str, Any]) -> Mapping[str, Any]:
    """`most_recent_instance`, or the first of `instances` (older payloads)."""
    inst = alert.get("most_recent_instance")
    if not isinstance(inst, Mapping):
        rows = alert.get("instances")
        inst = rows[0] if isinstance(rows, list) and rows and isinstance(rows[0], Mapping) else {}
    return inst


def alert_to_sarif(alert: Mapping[str, Any]) -> dict[str, Any]:
    rule_id = _str(alert, "rule", "id", limit=120) or "unknown"
    instance = _instance(alert)
    location = instance.get("location") if isinstance(instance.get("location"), Mapping) else {}
    path = _str(location, "path")
    if not _PATH.match(path) or ".." in path.split("/"):
        path = ""
    rule: dict[str, Any] = {"id": rule_id, "shortDescription": {"text": _str(alert, "rule", "description")}}
    severity = _SEVERITY.get(_str(alert, "rule", "security_severity_level"))
    if severity:
        rule["properties"] = {"security-severity": severity}
    result: dict[str, Any] = {"ruleId": rule_id, "level": "error",
                              "message": {"text": _str(instance, "message", "text")
                                          or _str(alert, "rule", "description")}}
    if path:
        result["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": path},
                                                     "region": {"startLine": _line(location)}}}]
    tool = _str(alert, "tool", "name", limit=60) or "code-scanning"
    return {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": tool, "rules": [rule]}}, "results": [result]}]}
