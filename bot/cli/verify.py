"""`fixbot verify PATH`: verify merged fixes after apply; a failure opens a revert PR.

checkov runs once, on the files the merged-but-unverified fixes touched and only for their
rules; the provider (the simulated cloud state by default) checks the live resources.
Exit codes: 0 all verified (or nothing to verify), 1 a verification failed (revert opened),
2 error, 4 locked.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.cli.local_session import Session, context_scan, load_policy, locked, make_lifecycle, open_session, snapshot
from bot.gitstore.gitops import is_ancestor
from bot.lifecycle.verify import VerifyResult, verify_merged
from bot.provider import SimulatedProvider, state_path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="git repository")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--audit-sink", type=Path, metavar="FILE|DIR", help="also append audit records (JSONL)")


def checkov_rules(root: Path, files: Sequence[str], rules: Sequence[str]) -> set[tuple[str, str, str]]:
    from bot.ingest.checkov_runner import run_checkov

    present = [f for f in files if (root / f).is_file()]
    if not present or not rules:
        return set()
    run = run_checkov(root, files=present, checks=list(rules))
    return {(str(r.file).lstrip("/"), str(r.resource or ""), r.check_id) for r in run.failed}


def verify(path: Path, sink: Path | None = None) -> list[VerifyResult]:
    session = open_session(path, sink)
    provider = SimulatedProvider(state_path(session.forge.state_dir))
    with locked(session, "verify"), snapshot(session) as (snap, _sha):
        outcome = context_scan(snap)
        lc = make_lifecycle(session, outcome, load_policy(session))
        return verify_merged(lc, provider, snap, outcome.inventory, checkov_rules, applied_check(session, provider))


def applied_check(session: Session, provider: SimulatedProvider) -> Callable[[str], bool]:
    """A merge is applied when the simulated state was applied from a commit containing it."""
    applied = provider.applied_commit()

    def check(merge_sha: str) -> bool:
        return applied is not None and is_ancestor(session.forge.repo, merge_sha, applied)

    return check


def run(args: argparse.Namespace) -> int:
    results = verify(args.path, args.audit_sink)
    if args.format == "json":
        print(json.dumps([asdict(r) for r in results], indent=2))
    else:
        table = Table(title="fixbot verify")
        for col in ("resource", "PR", "result", "detail", "revert PR"):
            table.add_column(col, overflow="fold")
        for r in results:
            status = Text(r.status, style={"verified": "green", "failed": "red"}.get(r.status, "yellow"))
            revert = f"#{r.revert_pr} ({r.revert_status})" if r.revert_pr else ""
            table.add_row(Text(r.resource), f"#{r.pr}" if r.pr else "", status, Text(r.detail), revert)
        Console().print(table if results else "nothing to verify: no merged fix awaits verification")
    return 1 if any(r.status == "failed" for r in results) else 0
