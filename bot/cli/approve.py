"""`fixbot approve PR --as USER [PATH]`: a code owner's approval of a pending fix PR.

Records USER's review of the PR's current head, then merges only if USER owns every changed
file (CODEOWNERS on the default branch; teams from the local forge's team map, see
`fixbot prs --team`), is not the bot, approved the current head, the checks are green on
that head, and the policy — re-evaluated now — still agrees.
Exit codes: 0 merged, 1 approval recorded but the PR cannot merge (reason printed), 2 error,
4 locked.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.text import Text

from bot.cli.local_session import context_scan, load_policy, locked, make_lifecycle, open_session, snapshot
from bot.forge.base import ReviewState
from bot.forge.identity import require_login
from bot.lifecycle.merge import MergeResult, MergeStatus
from bot.lifecycle.review import item_for, on_review


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pr", type=int, help="pull request number (see `fixbot prs PATH`)")
    parser.add_argument("path", type=Path, nargs="?", default=Path("."), help="git repository (default: .)")
    parser.add_argument("--as", dest="user", required=True, metavar="USER", help="the approving user's login")
    parser.add_argument("--audit-sink", type=Path, metavar="FILE|DIR", help="also append audit records (JSONL)")


def approve(path: Path, number: int, user: str, sink: Path | None = None) -> MergeResult:
    login = require_login(user)  # a person's login: never a team, an e-mail or another spelling
    session = open_session(path, sink)
    with locked(session, "approve"), snapshot(session) as (snap, _sha):
        lc = make_lifecycle(session, context_scan(snap), load_policy(session))
        pr, _ = item_for(lc, number)
        session.forge.add_review(number, login, ReviewState.approved, pr.head_sha)
        return on_review(lc, number)


def run(args: argparse.Namespace) -> int:
    result = approve(args.path, args.pr, args.user, args.audit_sink)
    console = Console()
    if result.status == MergeStatus.merged:
        by = result.approver or args.user
        console.print(Text(f"PR #{args.pr} merged with the approval of {by} ({result.detail})", style="green"))
        return 0
    console.print(Text(f"PR #{args.pr} not merged ({result.status}): {result.detail}", style="yellow"))
    return 1
