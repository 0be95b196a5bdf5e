"""The explicit event registry: (event, action filter) → handler. Anything else is ignored (200)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.server.delivery import Delivery
from bot.server.event_handlers import dashboard_events, deploy, pr_events, repo_events
from bot.server.queue.sweeps import EVENT as SWEEP_EVENT
from bot.server.service import Service

Handler = Callable[[Service, Delivery], None]


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[], None]
    delivery: str = ""


@dataclass(frozen=True)
class EventSpec:
    handler: Handler
    actions: frozenset[str] | None  # None: every delivery of the event (push, status)


def _on(handler: Handler, *actions: str) -> EventSpec:
    return EventSpec(handler, frozenset(actions) if actions else None)


EVENTS: dict[str, EventSpec] = {
    "installation": _on(repo_events.installation, "created"),
    "installation_repositories": _on(repo_events.installation, "added"),
    "push": _on(repo_events.push),
    "code_scanning_alert": _on(repo_events.code_scanning_alert, "created", "appeared_in_branch", "reopened"),
    "check_suite": _on(pr_events.checks_completed, "completed"),
    "check_run": _on(pr_events.checks_completed, "completed"),
    "status": _on(pr_events.checks_completed),
    "pull_request_review": _on(pr_events.review_submitted, "submitted"),
    "pull_request": _on(pr_events.pull_request_closed, "closed"),
    "issue_comment": _on(pr_events.issue_comment, "created"),
    "issues": _on(dashboard_events.issues_edited, "edited"),
    "workflow_run": _on(deploy.workflow_run, "completed"),
    "deployment_status": _on(deploy.deployment_status, "created"),
    SWEEP_EVENT: _on(repo_events.sweep, "scheduled"),  # made by the server itself (never accepted from outside)
}


def router(svc: Service) -> Callable[[Delivery], Job | None]:
    def route(d: Delivery) -> Job | None:
        spec = EVENTS.get(d.event)
        if spec is None or (spec.actions is not None and d.action not in spec.actions):
            return None
        name = f"{d.event}.{d.action}" if d.action else d.event
        return Job(name, lambda: spec.handler(svc, d), d.id)

    return route
