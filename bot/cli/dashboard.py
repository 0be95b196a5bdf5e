"""`fixbot dashboard PATH --repo OWNER/NAME`: scan → plan → decide, then upsert the dashboard issue.

Also keeps one ticket per resource whose findings have no automatic fix (opened, updated,
closed when the finding is gone). The issues live on GitHub (`--repo`; credentials as for
`fixbot scan --upload-sarif`: `GITHUB_TOKEN`, or `FIXBOT_APP_ID` + `FIXBOT_PRIVATE_KEY`).
The local forge has no issues: `--dry-run` renders the body to stdout instead, touching nothing.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from bot.actions import ActionsEnv, append_summary, write_outputs
from bot.chain import ChainResult, plan_and_decide
from bot.cli.github_session import github_target
from bot.dashboard import build_view, render_dashboard, sync
from bot.dashboard.sync import DashboardSync
from bot.errors import InputError
from bot.forge.github import GitHubForge
from bot.forge.github.permissions import DASHBOARD
from bot.lifecycle.ledger import BotState, ItemState
from bot.scan_stages import ScanRequest


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="the repository checkout to scan")
    parser.add_argument("--repo", metavar="OWNER/NAME", help="the GitHub repository holding the dashboard issue")
    parser.add_argument("--findings", type=Path, action="append", default=[], metavar="FILE",
                        help="extra findings file (checkov JSON, SARIF, ...); repeatable")
    parser.add_argument("--no-checkov", action="store_true", help="do not run checkov; use --findings only")
    parser.add_argument("--state-dir", type=Path, metavar="DIR",
                        help="lifecycle memory of an earlier `fixbot fix` (verified fixes); default PATH/.git/fixbot")
    parser.add_argument("--dry-run", action="store_true", help="print the dashboard body; create or edit nothing")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _chain(args: argparse.Namespace) -> ChainResult:
    root = args.path
    if not root.is_dir():
        raise InputError(f"{root}: not a directory")
    for f in args.findings:
        if not f.is_file():
            raise InputError(f"--findings {f}: no such file")
    request = ScanRequest(root=root, findings_files=tuple(f.resolve() for f in args.findings),
                          run_checkov=not args.no_checkov)
    return plan_and_decide(request)


def lifecycle_states(path: Path, state_dir: Path | None) -> list[ItemState]:
    folder = state_dir or path / ".git" / "fixbot"
    if state_dir is not None and not (folder / "lifecycle.json").is_file():
        raise InputError(f"--state-dir {state_dir}: no lifecycle.json there")
    return BotState(folder).all() if (folder / "lifecycle.json").is_file() else []


def _github(args: argparse.Namespace, chain: ChainResult, states: list[ItemState]) -> DashboardSync:
    commit = chain.outcome.repository.commit
    with github_target(args.repo, os.environ) as gh:
        forge: GitHubForge = gh.forge()
        with forge.action("dashboard", DASHBOARD):
            # a scan with input errors may have missed findings: it never closes their tickets
            return sync(forge, gh.repo.full_name, chain.assessments, forge.list_prs(), states, commit=commit,
                        policy_version=chain.policy_version, close_missing=not chain.outcome.errors)


def _print(result: DashboardSync, fmt: str) -> None:
    if fmt == "json":
        t = result.tickets
        print(json.dumps({"dashboard": result.number, "action": result.action, "tickets": {
            "created": t.created, "updated": t.updated, "reopened": t.reopened, "closed": t.closed,
            "unchanged": t.unchanged}}, indent=2))
    else:
        print(f"fixbot: {result.summary()}")


def report_to_actions(result: DashboardSync, repository: str, env: ActionsEnv | None) -> None:
    """Under GitHub Actions: step outputs `dashboard-issue`, `dashboard-url`, `tickets-open`, and a summary line."""
    if env is None:
        return
    url = f"{env.server_url.rstrip('/')}/{repository}/issues/{result.number}"
    tickets = len(result.tickets.numbers)
    if env.output_path is not None:
        write_outputs(env.output_path, {"dashboard-issue": str(result.number), "dashboard-url": url,
                                        "tickets-open": str(tickets)})
    if env.summary_path is not None:
        append_summary(env.summary_path, f"\nDashboard: [#{result.number}]({url}) ({result.action}); "
                                         f"{tickets} ticket(s) for findings without an automatic fix.\n")


def run(args: argparse.Namespace) -> int:
    if not args.dry_run and not args.repo:
        raise InputError("fixbot dashboard needs --repo OWNER/NAME (the issues live on GitHub)",
                         hint="or --dry-run to print the dashboard without touching any issue")
    states = lifecycle_states(args.path, args.state_dir)
    chain = _chain(args)
    if args.dry_run:
        commit = chain.outcome.repository.commit
        view = build_view(args.repo or str(args.path), chain.assessments, (), states, commit=commit,
                          policy_version=chain.policy_version)
        print(render_dashboard(view), end="")
        return 0
    result = _github(args, chain, states)
    _print(result, args.format)
    report_to_actions(result, args.repo, ActionsEnv.from_env(os.environ))
    return 0
