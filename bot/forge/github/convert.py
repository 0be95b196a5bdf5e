"""PyGithub objects → the forge models in `bot.forge.base`."""

from __future__ import annotations

from typing import Any

from bot.forge.base import CheckConclusion, CheckRun, PrState, PullRequest, Review, ReviewState

_REVIEW = {"APPROVED": ReviewState.approved, "CHANGES_REQUESTED": ReviewState.changes_requested,
           "DISMISSED": ReviewState.dismissed}
_GREEN = {"success", "neutral", "skipped"}
_RED = {"failure", "cancelled", "timed_out", "action_required", "stale", "error"}


def pull_request(pr: Any, closed_by: str | None = None) -> PullRequest:
    raw = pr.raw_data
    state = PrState.merged if raw.get("merged") or raw.get("merged_at") else PrState(raw["state"])
    users = tuple(u["login"] for u in raw.get("requested_reviewers") or [])
    owner = raw["base"]["repo"]["owner"]["login"] if raw["base"].get("repo") else ""
    teams = tuple(f"@{owner}/{t['slug']}" for t in raw.get("requested_teams") or [])
    return PullRequest(
        number=raw["number"], title=raw["title"], body=raw.get("body") or "", head=raw["head"]["ref"],
        base=raw["base"]["ref"], head_sha=raw["head"]["sha"], state=state,
        labels=tuple(lb["name"] for lb in raw.get("labels") or []), requested_reviewers=users + teams,
        merge_sha=raw.get("merge_commit_sha") if state is PrState.merged else None,
        closed_by=closed_by, url=raw.get("html_url"),
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
