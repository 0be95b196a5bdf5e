"""State kept on GitHub itself (nothing lost on restart): closed-by markers and the PR caps.

fixbot's PRs are found by branch prefix `fixbot/` AND label `fixbot`; each carries the
lifecycle's hidden `fixbot-meta` marker. A human close adds a `fixbot-closed-by` marker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from bot.forge.github import GitHubForge
from bot.forge.github.convert import closed_by_marker
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.naming import BRANCH_PREFIX
from bot.lifecycle.prs import fixbot_prs
from bot.models.decision import Outcome
from bot.models.report import Assessment
from bot.server.escape import code

LABEL = "fixbot"


@dataclass(frozen=True)
class Budget:
    open_now: int
    new_last_hour: int
    allowed: int  # how many new PRs may be opened now


def mark_closed_by(forge: GitHubForge, number: int, login: str) -> None:
    with forge.action("closed-by-human", {"pull_requests": "write", "issues": "write"}):
        pr = forge.get_pr(number)
        if closed_by_marker(login) not in pr.body:
            forge.update_pr(number, body=pr.body.rstrip("\n") + "\n\n" + closed_by_marker(login) + "\n")
        forge.comment(number, f"Closed by {code(login)}: fixbot will not reopen this change on its own. "
                              "Comment `/fixbot fix` to ask for it again.")


def budget(forge: GitHubForge, max_open: int, max_new_per_hour: int, now: dt.datetime | None = None) -> Budget:
    at = now or dt.datetime.now(dt.UTC)
    rows = [r for r in forge.pull_activity() if r.head.startswith(BRANCH_PREFIX) and LABEL in r.labels]
    open_now = sum(1 for r in rows if r.state == "open")
    recent = sum(1 for r in rows if r.created_at and at - r.created_at < dt.timedelta(hours=1))
    allowed = max(0, min(max_open - open_now, max_new_per_hour - recent))
    return Budget(open_now, recent, allowed)


def highest_risk_first(keys: Sequence[tuple[str, float]], allowed: int) -> list[str]:
    """The `allowed` resources with the highest risk (ties: by name, stable)."""
    return [k for k, _ in sorted(keys, key=lambda kv: (-kv[1], kv[0]))[:allowed]]


def fix_target(a: Assessment) -> str:
    """The resource a fix PR is for (one PR per resource)."""
    return a.plan.resource if a.plan else a.finding.id


def within_caps(forge: GitHubForge, lc: Lifecycle, assessments: Sequence[Assessment], max_open: int,
                max_new_per_hour: int) -> tuple[list[Assessment], int]:
    """(what to act on, how many resources were deferred). Existing PRs are kept up to date; new
    ones only within the caps, highest risk first. A denied fix opens nothing, so it takes no slot."""
    have = {meta.resource for _pr, meta in fixbot_prs(lc)}

    def denied(a: Assessment) -> bool:
        return a.decision is not None and a.decision.outcome is Outcome.deny

    best: dict[str, float] = {}
    for a in assessments:
        if a.plan and not denied(a) and fix_target(a) not in have:
            best[fix_target(a)] = max(a.risk.score, best.get(fix_target(a), 0.0))
    allowed = budget(forge, max_open, max_new_per_hour).allowed
    keep = set(highest_risk_first(list(best.items()), allowed))
    chosen = [a for a in assessments
              if not a.plan or denied(a) or fix_target(a) in have or fix_target(a) in keep]
    return chosen, len(best) - len(keep)
