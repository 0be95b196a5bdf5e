"""`fixbot fix PATH`: scan → plan → decide → one PR per resource → merge what policy allows.

Works on the default branch (exported to a snapshot), never on the working tree. Exit codes:
0 done, 2 usage/config/input error, 4 another fixbot run holds the repository lock.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.chain import Decided, decide_snapshot
from bot.cli.argtypes import seconds
from bot.cli.local_session import Session, load_policy, locked, make_lifecycle, open_session, snapshot
from bot.errors import InputError
from bot.lifecycle.context import Note
from bot.lifecycle.execute import Options
from bot.lifecycle.fixrun import FixReport, run_fix
from bot.scan_stages import ScanOutcome

STATUS_STYLE = {
    "merged": "green", "awaiting_approval": "yellow", "denied": "red", "deferred": "cyan",
    "checks_failed": "red", "conflict": "red", "closed_by_human": "magenta",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="git repository (the local forge)")
    parser.add_argument("--findings", type=Path, action="append", default=[], metavar="FILE",
                        help="extra findings file (checkov JSON, SARIF, ...); repeatable")
    parser.add_argument("--no-checkov", action="store_true", help="do not run checkov; use --findings only")
    parser.add_argument("--dry-run", action="store_true", help="decide and report; open, merge and record nothing")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--reopen", action="store_true", help="reopen fixes a human closed without merging")
    parser.add_argument("--audit-sink", type=Path, metavar="FILE|DIR", help="also append audit records (JSONL)")
    parser.add_argument("--lock-wait", type=seconds, default=5.0, metavar="SECONDS",
                        help="how long to wait for another fixbot run's repository lock (default 5)")
    parser.add_argument("--forge", choices=("local", "github"), default="local",
                        help="local: PATH is the git repository; github: PATH is a work directory for a clone "
                             "of --repo (credentials: GITHUB_TOKEN or FIXBOT_APP_ID + FIXBOT_PRIVATE_KEY)")
    parser.add_argument("--repo", metavar="OWNER/NAME", help="with --forge github (default: GITHUB_REPOSITORY)")


def plan_and_decide(session: Session, snap: Path, findings: Sequence[Path], run_checkov: bool) -> Decided:
    """The chain on the default-branch snapshot, under the default branch's policy."""
    return decide_snapshot(snap, load_policy(session), findings, run_checkov)


def execute(session: Session, args: argparse.Namespace, note: Note | None = None) -> tuple[ScanOutcome, FixReport, str]:
    opts = Options(dry_run=args.dry_run, reopen=args.reopen)
    with locked(session, "fix", getattr(args, "lock_wait", 5.0)), snapshot(session) as (snap, _sha):
        d = plan_and_decide(session, snap, args.findings, not args.no_checkov)
        lc = make_lifecycle(session, d.outcome, d.engine, note)
        report = run_fix(lc, d.assessments, opts, d.replan)
    return d.outcome, report, d.engine.version


def report_json(report: FixReport, policy_version: str, outcome: ScanOutcome) -> dict[str, Any]:
    return {
        "policy_version": policy_version,
        "results": [asdict(r) for r in report.results],
        "closed": [asdict(r) for r in report.closed],
        "unfixed": [{"finding": a.finding.id, "rule_id": a.finding.rule_id, "resource": a.finding.resource,
                     "reason": a.unfixed.reason if a.unfixed else ""} for a in report.unfixed],
        "errors": [e.model_dump(mode="json") for e in outcome.errors],
    }


def results_table(report: FixReport, title: str = "fixbot fix") -> Table:
    table = Table(title=title, show_lines=False)
    for col in ("resource", "findings", "decision", "rules", "status", "PR", "detail"):
        table.add_column(col, overflow="fold")
    for r in (*report.results, *report.closed):
        style = STATUS_STYLE.get(r.status, "")
        table.add_row(Text(r.resource), str(len(r.finding_ids)), r.outcome, Text(", ".join(r.rules)),
                      Text(r.status, style=style), f"#{r.pr}" if r.pr else "", Text(r.detail[:160]))
    return table


def run(args: argparse.Namespace) -> int:
    for f in args.findings:
        if not f.is_file():
            raise InputError(f"--findings {f}: no such file")
    args.findings = [f.resolve() for f in args.findings]
    if args.forge == "github":
        from bot.cli.fix_github import run_github

        report, d = run_github(args)
        outcome, version = d.outcome, d.engine.version
    else:
        session = open_session(args.path, args.audit_sink)
        outcome, report, version = execute(session, args)
    if args.format == "json":
        print(json.dumps(report_json(report, version, outcome), indent=2))
        return 0
    console = Console()
    console.print(results_table(report))
    audit = f"audit: `fixbot audit {args.path}`" if args.forge == "local" else "audit: the PRs' commit trailers"
    console.print(f"policy version {version}; {len(report.unfixed)} finding(s) without an automatic fix "
                  f"(see `fixbot plan`); {audit}")
    return 0
