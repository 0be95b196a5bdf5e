"""The decision timeline rebuilt from the audit history alone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.audit.record import AuditRecord
from bot.audit.trailers import split_list

COLUMNS = ("seq", "at", "event", "finding", "rule", "action", "decision", "policy", "pr", "commit", "by", "detail")


def row(rec: AuditRecord) -> dict[str, str]:
    decision = rec.get("Fixbot-Decision")
    if rec.get("Fixbot-Decision-Rule"):
        decision = f"{decision} ({rec.get('Fixbot-Decision-Rule')})"
    detail = rec.get("Fixbot-Verification") or (rec.get("Fixbot-Reverts") and f"reverts {rec.get('Fixbot-Reverts')}")
    return {
        "seq": str(rec.seq),
        "at": rec.at,
        "event": rec.event,
        "finding": ", ".join(f[:12] for f in split_list(rec.get("Fixbot-Finding"))),
        "rule": rec.get("Fixbot-Rule"),
        "action": rec.get("Fixbot-Action"),
        "decision": decision,
        "policy": rec.get("Fixbot-Policy-Version"),
        "pr": f"#{rec.get('Fixbot-PR')}" if rec.get("Fixbot-PR") else "",
        "commit": rec.get("Fixbot-Commit")[:12],
        "by": rec.get("Fixbot-Approved-By"),
        "detail": " ".join(x for x in (detail or "", rec.get("Fixbot-Detail")) if x),
    }


def by_finding(records: Sequence[AuditRecord]) -> dict[str, list[str]]:
    """finding id -> its events in order (e.g. decision → pr_opened → merged → verified)."""
    out: dict[str, list[str]] = {}
    for rec in records:
        for fid in split_list(rec.get("Fixbot-Finding")):
            out.setdefault(fid, []).append(rec.event)
    return out


def timeline_json(records: Sequence[AuditRecord], problems: Sequence[Any] = ()) -> dict[str, Any]:
    return {
        "records": [r.to_json() for r in records],
        "findings": by_finding(records),
        "problems": [p.model_dump(mode="json") for p in problems],
    }
