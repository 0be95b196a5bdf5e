"""`fixbot explain FINDING [PATH]`: the decision on one finding, the rules behind it, what to do.

FINDING is a finding id (or a unique prefix) as `fixbot fix`, `fixbot scan --format json` and
`fixbot audit` print it. Exit codes: 0 explained, 2 no decision recorded for that finding.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.text import Text

from bot.audit.log import AuditLog
from bot.errors import InputError
from bot.forge.local import LocalForge
from bot.lifecycle.explain import Explanation, explain
from bot.lifecycle.ledger import BotState

STYLE = {"allow": "green", "require_approval": "yellow", "deny": "red"}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("finding", help="finding id or unique prefix")
    parser.add_argument("path", type=Path, nargs="?", default=Path("."), help="git repository (default: .)")


def lookup(path: Path, finding: str) -> Explanation:
    if len(finding) < 4 or not finding.isalnum():
        raise InputError(f"finding {finding!r}: give the id (or at least 4 of its first characters)")
    forge = LocalForge(path)
    states = [s for s in BotState(forge.state_dir).all() if s.assessments]
    found = explain(finding.lower(), states, AuditLog(forge.repo, forge.state_dir).records())
    if found is None:
        raise InputError(f"no decision recorded for finding {finding}", hint=f"run `fixbot fix {path}` first")
    return found


def render(e: Explanation, console: Console) -> None:
    console.print(Text.assemble("finding ", (e.finding, "bold"), " on ", (e.resource, "bold")))
    console.print(Text.assemble("decision ", (e.outcome, STYLE.get(e.outcome, "")),
                                f" under policy {e.policy_version}; status {e.status}",
                                f"; PR #{e.pr}" if e.pr else ""))
    for rule, message in e.reasons:
        console.print(Text(f"  rule {rule}: {message}"))
    for advice in e.advice:
        console.print(Text(f"  → {advice}", style="cyan"))


def run(args: argparse.Namespace) -> int:
    render(lookup(args.path, args.finding), Console())
    return 0
