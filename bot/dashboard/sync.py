"""Upsert the one dashboard issue of a repository (and its tickets) from a decided scan.

The dashboard is found by label `fixbot-dashboard` + the hidden marker, opened by a bot;
its title is put back if someone renamed it. Nothing is edited when the rendered body,
title and state are already what they should be (idempotent: no PATCH on a quiet rescan).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.dashboard.markers import DASHBOARD_LABEL, DASHBOARD_TITLE, is_dashboard
from bot.dashboard.render import render_dashboard
from bot.dashboard.tickets import TicketSync, sync_tickets
from bot.dashboard.tickets_model import ticket_contents
from bot.dashboard.view import DashboardView, build_view
from bot.forge.base import Issue, IssueTracker, PullRequest
from bot.lifecycle.ledger import ItemState
from bot.models.report import Assessment


@dataclass(frozen=True)
class DashboardSync:
    number: int
    action: str  # created | updated | reopened | unchanged
    body: str
    view: DashboardView
    tickets: TicketSync

    def summary(self) -> str:
        t = self.tickets
        return (f"dashboard #{self.number} {self.action}; tickets: {len(t.created)} created, {len(t.updated)} "
                f"updated, {len(t.reopened)} reopened, {len(t.closed)} closed, {len(t.unchanged)} unchanged")


def dashboards(tracker: IssueTracker) -> list[Issue]:
    """The bot's dashboard issues, the one to keep last: the oldest open one, else the newest closed one."""
    mine = [i for i in tracker.list_issues(DASHBOARD_LABEL, "all") if i.author_is_bot and is_dashboard(i.body)]
    return sorted(mine, key=lambda i: (i.state == "open", -i.number if i.state == "open" else i.number))


def find_dashboard(tracker: IssueTracker) -> Issue | None:
    mine = dashboards(tracker)
    return mine[-1] if mine else None


def upsert_dashboard(tracker: IssueTracker, body: str, title: str = DASHBOARD_TITLE) -> tuple[int, str]:
    """Create, reopen or edit the dashboard; a duplicate left by two concurrent runs is closed."""
    mine = dashboards(tracker)
    if not mine:
        return tracker.create_issue(title, body, [DASHBOARD_LABEL]).number, "created"
    *extras, issue = mine
    for extra in (i for i in extras if i.state == "open"):
        tracker.comment(extra.number, f"Duplicate of #{issue.number}, the dashboard fixbot keeps up to date.")
        tracker.update_issue(extra.number, state="closed", state_reason="not_planned")
    if issue.state != "open":
        tracker.update_issue(issue.number, title=title, body=body, state="open")
        return issue.number, "reopened"
    if issue.body == body and issue.title == title:
        return issue.number, "unchanged"
    tracker.update_issue(issue.number, title=title if issue.title != title else None,
                         body=body if issue.body != body else None)
    return issue.number, "updated"


def sync(tracker: IssueTracker, repository: str, assessments: Sequence[Assessment], prs: Sequence[PullRequest],
         states: Sequence[ItemState] = (), *, commit: str | None = None, policy_version: str | None = None,
         close_missing: bool = True) -> DashboardSync:
    """Tickets first (the dashboard links them), then the dashboard itself."""
    tickets = sync_tickets(tracker, ticket_contents(assessments), commit, close_missing)
    view = build_view(repository, assessments, prs, states, tickets.numbers, commit, policy_version)
    body = render_dashboard(view)
    number, action = upsert_dashboard(tracker, body)
    return DashboardSync(number, action, body, view, tickets)
