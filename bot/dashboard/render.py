"""Dashboard and ticket bodies from jinja2 templates (autoescape off: every untrusted value
goes through the `md` filter, i.e. `bot.text.md_escape`; ids go into markers only when safe).

Rendering is deterministic (no clocks, stable ordering), so an unchanged scan renders a
byte-identical body and the sync can skip the edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources

import jinja2

from bot.dashboard.markers import DASHBOARD_MARKER, checkbox, rows_marker, ticket_marker
from bot.dashboard.tickets_model import TicketContent
from bot.dashboard.view import DashboardView, PrRef, Row
from bot.lifecycle.prbody import code_span
from bot.text import md_escape

MAX_ROWS = 150  # GitHub caps an issue body at 65,536 characters
MAX_BODY = 65_000
LEVELS = ((0.8, "critical"), (0.6, "high"), (0.4, "medium"), (0.0, "low"))
STATE_TEXT = {"pending": "no PR yet", "denied": "no PR (denied)", "ticket": "no automatic fix"}
HISTORY_TEXT = {"merged": "merged, not verified yet", "verify_failed": "verification failed",
                "reverting": "verification failed, revert PR open"}
REVERTED = " reverted after failed verification; tick to propose it again"


def _load(name: str) -> str:
    return (resources.files("bot.dashboard") / "templates" / name).read_text(encoding="utf-8")


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FunctionLoader(_load), undefined=jinja2.StrictUndefined,
                             autoescape=False, keep_trailing_newline=True)
    env.filters["md"] = md_escape
    env.filters["code"] = code_span  # catalogue names and ids: a code span nothing can break out of
    env.globals.update(level=level, box=checkbox, pr_link=pr_link, decision=decision_text, state=state_text,
                       outcome_text=lambda status: HISTORY_TEXT.get(status, status))
    return env


def level(score: float) -> str:
    return next(name for floor, name in LEVELS if score >= floor)


def pr_link(pr: PrRef) -> str:
    """`#12` renders as a link to the PR on GitHub; the state follows in words."""
    return f"#{pr.number} ({pr.state})"


def decision_text(r: Row) -> str:
    if r.outcome == "none":
        return "no decision"
    rules = ", ".join(r.policy_rules)
    return f"{r.outcome.replace('_', ' ')} ({md_escape(rules)})" if rules else r.outcome.replace("_", " ")


def state_text(r: Row) -> str:
    if r.pr is not None:
        who = f" closed by {md_escape(r.closed_by)}" if r.closed_by else ""
        return f"PR {pr_link(r.pr)}{who}{REVERTED if r.status == 'reverted' else ''}"
    if r.ticket is not None:
        return f"ticket #{r.ticket}"
    return STATE_TEXT.get(r.status, r.status)


def render_dashboard(view: DashboardView, max_rows: int = MAX_ROWS) -> str:
    """The whole issue body; shown rows shrink until it fits GitHub's limit."""
    template = _env().get_template("dashboard.md.j2")
    while True:
        shown = view.rows[:max_rows]
        counts = {"pr_open": sum(1 for r in view.rows if r.pr is not None and r.pr.state == "open")}
        marker_rows = {r.finding_id: r.resource for r in shown if r.actionable}
        body = template.render(view=view, rows=shown, hidden=len(view.rows) - len(shown), counts=counts,
                               marker=DASHBOARD_MARKER, rows_marker=rows_marker(marker_rows))
        if len(body) <= MAX_BODY or max_rows == 0:
            return body
        max_rows //= 2


def render_ticket(content: TicketContent) -> str:
    return _env().get_template("ticket.md.j2").render(
        marker=ticket_marker(content.fingerprint), resource=content.resource, rows=list(content.rows),
        risk=content.risk, factors=_top(content), environment=content.environment, file=content.file)


def _top(content: TicketContent) -> Sequence[object]:
    return sorted(content.risk.factors, key=lambda fc: -fc.weight * fc.value)
