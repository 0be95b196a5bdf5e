"""`issues.edited` on the dashboard: a ticked box requests that fix through the normal chain.

Counted only when: the edit was made by a person (not the bot, not any Bot account); the
issue is the dashboard (label, hidden marker, opened by a bot); the box went from unticked
in `changes.body.from` to ticked in the new body, on a row fixbot rendered; and the editor
may command fixbot (write access, like `/fixbot fix`). Each requested resource then runs
`engine.request_fix(resource)`: the normal chain, past the PR caps but never past the policy.
"""

from __future__ import annotations

import logging

from bot.dashboard.checkbox import Ticked, ticked, untick
from bot.dashboard.markers import DASHBOARD_LABEL
from bot.forge.github import GitHubForge
from bot.forge.github.permissions import union
from bot.server.commands.dispatch import WRITERS
from bot.server.delivery import Delivery, _get
from bot.server.escape import code
from bot.server.service import Service
from bot.text import md_escape

log = logging.getLogger("fixbot.server")
MAX_REQUESTS = 10  # resources per edit; more boxes wait for the next edit


def _labels(issue: object) -> set[str]:
    raw = _get(issue, "labels")
    return {str(lb.get("name")) for lb in raw if isinstance(lb, dict)} if isinstance(raw, list) else set()


def requested(svc: Service, d: Delivery) -> list[Ticked]:
    """The ticked rows this delivery counts (empty when it should be ignored)."""
    issue = d.payload.get("issue")
    before = _get(d.payload, "changes", "body", "from")
    sender_is_bot = str(_get(d.payload, "sender", "type")) == "Bot" or d.sender == svc.settings.bot_login
    if d.repo is None or sender_is_bot or not isinstance(issue, dict) or not isinstance(before, str):
        return []
    if DASHBOARD_LABEL not in _labels(issue) or str(_get(issue, "user", "type")) != "Bot" or "pull_request" in issue:
        return []
    return ticked(before, str(issue.get("body") or ""))


def issues_edited(svc: Service, d: Delivery) -> None:
    rows = requested(svc, d)
    if not rows or d.repo is None:
        return
    number = int(d.payload["issue"]["number"])
    forge: GitHubForge = svc.forge(d.repo)
    with forge.action("dashboard-check", union({"metadata": "read"}, {"issues": "write"})):
        if forge.user_permission(d.sender) not in WRITERS:
            forge.comment(number, f"Sorry {md_escape(d.sender)}, only people with write access can request fixes "
                                  "from the dashboard; the box was cleared.")
            _clear(forge, number, {r.finding_id for r in rows})
            return
    resources = list(dict.fromkeys(r.resource for r in rows))[:MAX_REQUESTS]
    results = [f"- {code(res)}: {md_escape(svc.engine.request_fix(forge, d.repo, res))}" for res in resources]
    log.info("dashboard: %s requested %d fix(es)", d.sender, len(resources), extra={"repo": d.repo.full_name})
    if not svc.settings.dashboard:  # otherwise the rescan already re-rendered the dashboard
        _clear(forge, number, {r.finding_id for r in rows if r.resource in resources})
    forge.comment(number, f"Fix requested from the dashboard by {md_escape(d.sender)} (the policy decides):\n\n"
                  + "\n".join(results))


def _clear(forge: GitHubForge, number: int, finding_ids: set[str]) -> None:
    """Untick the boxes handled (only if the body still has them ticked)."""
    current = next((i for i in forge.list_issues(DASHBOARD_LABEL, "open") if i.number == number), None)
    if current is None:
        return
    body = untick(current.body, finding_ids)
    if body != current.body:
        forge.update_issue(number, body=body)
