"""Ticket lifecycle: create, update only when the text changed, close when the finding is gone.

A ticket is found again by the hidden resource fingerprint in its body (label `fixbot-ticket`,
opened by a bot). A ticket fixbot closed itself carries `TICKET_RESOLVED` and is reopened if
its finding comes back; one a human closed stays closed (and no duplicate is opened).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.dashboard.markers import TICKET_LABEL, TICKET_RESOLVED, is_sha, ticket_fingerprint
from bot.dashboard.render import render_ticket
from bot.dashboard.tickets_model import TicketContent
from bot.forge.base import Issue, IssueTracker

GONE = "fixbot no longer finds the issue(s) described here on {where}; closing this ticket."
BACK = "The finding(s) are reported again on {where}; reopening."


@dataclass
class TicketSync:
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    reopened: list[int] = field(default_factory=list)
    closed: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)  # resource -> ticket number


def existing_tickets(tracker: IssueTracker) -> dict[str, Issue]:
    """fingerprint -> the bot's ticket for it (an open one wins over closed ones)."""
    found: dict[str, Issue] = {}
    for issue in tracker.list_issues(TICKET_LABEL, "all"):
        fp = ticket_fingerprint(issue.body)
        if fp is None or not issue.author_is_bot:
            continue
        if fp not in found or (found[fp].state != "open" and issue.state == "open"):
            found[fp] = issue
    return found


def _upsert(tracker: IssueTracker, content: TicketContent, issue: Issue | None, where: str, out: TicketSync) -> None:
    body = render_ticket(content)
    if issue is None:
        out.created.append(tracker.create_issue(content.title, body, [TICKET_LABEL]).number)
    elif issue.state == "closed" and TICKET_RESOLVED not in issue.body:
        out.unchanged.append(issue.number)  # a human closed it: respected, never duplicated
    elif issue.state == "closed":
        tracker.update_issue(issue.number, title=content.title, body=body, state="open")
        tracker.comment(issue.number, BACK.format(where=where))
        out.reopened.append(issue.number)
    elif issue.body != body or issue.title != content.title:
        tracker.update_issue(issue.number, title=content.title, body=body)
        out.updated.append(issue.number)
    else:
        out.unchanged.append(issue.number)
    out.numbers[content.resource] = (out.created[-1] if issue is None else issue.number)


def sync_tickets(tracker: IssueTracker, contents: Sequence[TicketContent], commit: str | None = None,
                 close_missing: bool = True) -> TicketSync:
    where = f"`{commit[:12]}`" if commit and is_sha(commit) else "the latest scan"
    out = TicketSync()
    have = existing_tickets(tracker)
    for content in contents:
        _upsert(tracker, content, have.get(content.fingerprint), where, out)
    wanted = {c.fingerprint for c in contents}
    for fp, issue in sorted(have.items()):
        if close_missing and fp not in wanted and issue.state == "open":
            tracker.comment(issue.number, GONE.format(where=where))
            tracker.update_issue(issue.number, body=f"{issue.body.rstrip()}\n\n{TICKET_RESOLVED}\n",
                                 state="closed", state_reason="completed")
            out.closed.append(issue.number)
    return out
