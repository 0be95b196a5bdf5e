"""PyGithub objects → the forge models in `bot.forge.base`."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.forge.base import CheckConclusion, CheckRun, PrState, PullRequest, Review, ReviewState

_REVIEW = {"APPROVED": ReviewState.approved, "CHANGES_REQUESTED": ReviewState.changes_requested,
           "DISMISSED": ReviewState.dismissed}
_GREEN = {"success", "neutral", "skipped"}
CLOSED_LABEL = "fixbot-closed"  # fixbot closed it itself
_CLOSED_RE = re.compile(r"<!-- fixbot-closed-by (\{.*?\}) -->")
UNKNOWN_HUMAN = "a human"
_RED = {"failure", "cancelled", "timed_out", "action_required", "stale", "error"}


def closed_by_marker(login: str) -> str:
    return f"<!-- fixbot-closed-by {json.dumps({'login': login}).replace('<', '').replace('>', '')} -->"


def _closed_by(raw: dict[str, Any], state: PrState, labels: tuple[str, ...]) -> str | None:
    """Who closed an unmerged PR: the marker fixbot left on a human close, else any human."""
    if state is not PrState.closed or CLOSED_LABEL in labels:
        return None
    found = _CLOSED_RE.findall(raw.get("body") or "")
    try:
        return str(json.loads(found[-1])["login"]) if found else UNKNOWN_HUMAN
    except (ValueError, KeyError, TypeError):
        return UNKNOWN_HUMAN


def pull_request(pr: Any) -> PullRequest:
    raw = pr.raw_data
    state = PrState.merged if raw.get("merged") or raw.get("merged_at") else PrState(raw["state"])
    labels = tuple(lb["name"] for lb in raw.get("labels") or [])
    users = tuple(u["login"] for u in raw.get("requested_reviewers") or [])
    owner = raw["base"]["repo"]["owner"]["login"] if raw["base"].get("repo") else ""
    teams = tuple(f"@{owner}/{t['slug']}" for t in raw.get("requested_teams") or [])
    return PullRequest(
        number=raw["number"], title=raw["title"], body=raw.get("body") or "", head=raw["head"]["ref"],
        base=raw["base"]["ref"], head_sha=raw["head"]["sha"], state=state,
        labels=labels, requested_reviewers=users + teams,
        merge_sha=raw.get("merge_commit_sha") if state is PrState.merged else None,
        closed_by=_closed_by(raw, state, labels), url=raw.get("html_url"),
    )


def review(r: Any) -> Review:
    raw = r.raw_data
    return Review(user=raw["user"]["login"] if raw.get("user") else "", commit_sha=raw.get("commit_id") or "",
                  state=_REVIEW.get(raw.get("state", ""), ReviewState.commented),
                  submitted_at=raw.get("submitted_at") or "")


def conclusion(status: str | None, result: str | None) -> CheckConclusion:
    if status not in (None, "completed") or result is None:
        return CheckConclusion.pending
    if result in _GREEN:
        return CheckConclusion.success
    return CheckConclusion.failure if result in _RED else CheckConclusion.pending


def check_run(raw: dict[str, Any]) -> CheckRun:
    out = raw.get("output") or {}
    return CheckRun(name=raw["name"], head_sha=raw["head_sha"],
                    conclusion=conclusion(raw.get("status"), raw.get("conclusion")),
                    summary=out.get("summary") or "")


def status_check(raw: dict[str, Any], sha: str) -> CheckRun:
    state = raw.get("state")
    concl = {"success": CheckConclusion.success, "pending": CheckConclusion.pending}.get(
        state or "", CheckConclusion.failure)
    return CheckRun(name=raw["context"], head_sha=sha, conclusion=concl, summary=raw.get("description") or "")
