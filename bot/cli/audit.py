"""`fixbot audit PATH [--format table|json] [--verify] [--audit-sink FILE|DIR]`.

Rebuilds the decision timeline from git alone (`refs/fixbot/audit` plus the default branch).
`--verify` checks the record chain, the checkpoint, the default branch's merges and, with
`--audit-sink`, the external copy. Exit codes: 0 ok, 1 tampering or a missing record found.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.audit.log import AuditLog
from bot.audit.record import AuditRecord
from bot.audit.sink import AuditSink
from bot.audit.timeline import COLUMNS, row, timeline_json
from bot.audit.verify import verify
from bot.forge.local import LocalForge
from bot.models.common import ErrorEntry

EVENT_STYLE = {"merged": "green", "verified": "green", "decision": "cyan", "verify_failed": "red",
               "reverted": "magenta", "closed": "yellow", "approved": "green"}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="git repository")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--verify", action="store_true", help="detect rewritten or missing audit records")
    parser.add_argument("--audit-sink", type=Path, metavar="FILE|DIR", help="external copy to compare with")


def load(path: Path, sink: Path | None, check: bool) -> tuple[list[AuditRecord], list[ErrorEntry]]:
    forge = LocalForge(path)
    log = AuditLog(forge.repo, forge.state_dir)
    records = log.records()
    problems = verify(log, forge.default_branch(), AuditSink(sink) if sink else None) if check else []
    return records, problems


def timeline_table(records: list[AuditRecord], title: str = "fixbot audit timeline") -> Table:
    table = Table(title=title)
    for col in COLUMNS:
        table.add_column(col, overflow="fold")
    for rec in records:
        cells = row(rec)
        style = EVENT_STYLE.get(rec.event, "")
        table.add_row(*[Text(cells[c], style=style if c == "event" else "") for c in COLUMNS])
    return table


def run(args: argparse.Namespace) -> int:
    records, problems = load(args.path, args.audit_sink, args.verify)
    if args.format == "json":
        print(json.dumps(timeline_json(records, problems), indent=2))
    else:
        console = Console()
        console.print(timeline_table(records))
        if args.verify:
            for p in problems:
                console.print(Text(f"TAMPER: {p.file or ''} {p.message}", style="bold red"))
            if not problems:
                console.print(Text(f"audit verified: {len(records)} record(s), chain intact", style="green"))
    return 1 if problems else 0
