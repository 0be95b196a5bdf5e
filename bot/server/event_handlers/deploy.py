"""After apply: `workflow_run` completed / `deployment_status` of the apply → verify (revert on failure)."""

from __future__ import annotations

from bot.server.delivery import Delivery, _get
from bot.server.service import Service

APPLY_WORDS = ("apply", "deploy")


def _default_branch_run(d: Delivery) -> bool:
    branch = _get(d.payload, "workflow_run", "head_branch")
    return branch is None or branch == d.default_branch


def workflow_run(svc: Service, d: Delivery) -> None:
    run = d.payload.get("workflow_run") or {}
    name = str(run.get("name") or "").lower()
    repo = d.repo
    if repo is None or not any(w in name for w in APPLY_WORDS) or not _default_branch_run(d):
        return
    ok = run.get("conclusion") == "success"
    svc.engine.verify(svc.forge(repo), repo, ok, f"workflow {run.get('name')!s:.80} {run.get('conclusion')}")


def deployment_status(svc: Service, d: Delivery) -> None:
    state = _get(d.payload, "deployment_status", "state")
    repo = d.repo
    if repo is None or state not in ("success", "failure", "error"):
        return
    env = _get(d.payload, "deployment", "environment")
    svc.engine.verify(svc.forge(repo), repo, state == "success", f"deployment to {env!s:.40} {state}")
