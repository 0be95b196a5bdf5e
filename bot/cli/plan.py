"""`fixbot plan PATH`: the minimal fix planned for each finding, or why there is none.

Never modifies the repository: `--format patch` prints one unified diff to apply yourself
(`git apply`), `json` is the scan report contract with `plan` / `unfixed` per finding.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.cli.render import write_output
from bot.cli.scan import scan_request
from bot.models.common import Level
from bot.models.report import Assessment, ScanReport
from bot.pipeline import scan
from bot.planner import plan_findings, render_patch

FORMATS = ("table", "json", "patch")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="repository to plan fixes for")
    parser.add_argument(
        "--findings",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="extra findings file (checkov JSON, SARIF, ...); repeatable",
    )
    parser.add_argument("--no-checkov", action="store_true", help="do not run checkov; use --findings only")
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument("--output", type=Path, help="write to FILE instead of stdout")


def planned_report(args: argparse.Namespace) -> ScanReport:
    request = scan_request(args)
    outcome = scan(request)
    planned = plan_findings(outcome.assessments, outcome.inventory, request.root.resolve(), outcome.config)
    return outcome.report().model_copy(update={"assessments": tuple(planned)})


def _status(a: Assessment) -> Text:
    if a.plan is not None:
        shared = len(a.plan.finding_ids)
        extra = f" (one change with {shared - 1} other finding(s))" if shared > 1 else ""
        return Text(f"planned: {a.plan.action}{extra}", style="green")
    if a.unfixed is not None:
        missing = a.unfixed.missing_parameters
        hint = f" — set parameters.{a.unfixed.rewriter}.{missing[0]}" if missing and a.unfixed.rewriter else ""
        return Text(f"unfixed: {a.unfixed.reason}{hint}", style="yellow")
    return Text("")


def plan_table(report: ScanReport) -> Table:
    table = Table(title="fixbot plan", show_lines=True)
    for col in ("#", "risk", "rule", "resource", "rewriter", "confidence", "status"):
        table.add_column(col, overflow="fold")
    for i, a in enumerate(report.assessments, 1):
        plan = a.plan
        table.add_row(
            str(i),
            f"{a.risk.score:.2f}",
            a.finding.rule_id,
            Text(a.finding.resource or ""),
            plan.rewriter if plan else (a.unfixed.rewriter or "" if a.unfixed else ""),
            Level(plan.confidence).value if plan else "",
            _status(a),
        )
    return table


def render(report: ScanReport, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.to_json(), indent=2)
    if fmt == "patch":
        return render_patch(report.assessments)
    console = Console(record=True, width=160)
    with console.capture():
        print_table(report, console)
    return console.export_text()


def print_table(report: ScanReport, console: Console) -> None:
    console.print(plan_table(report))
    planned = sum(1 for a in report.assessments if a.plan)
    console.print(
        f"{planned} of {len(report.assessments)} finding(s) planned; "
        "`--format patch` prints the diff to `git apply`; nothing was modified."
    )


def run(args: argparse.Namespace) -> int:
    report = planned_report(args)
    if args.format == "table" and args.output is None:
        print_table(report, Console())
        return 0
    write_output(render(report, args.format), args.output)
    return 0
