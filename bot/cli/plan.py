"""`fixbot plan PATH`: the minimal fix planned for each finding, or why there is none, and
what the policy would decide about it.

Never modifies the repository: `--format patch` prints one unified diff to apply yourself
(`git apply`), `json` is the scan report contract with `plan` / `unfixed` and `decision` per
finding and the report's `policy_version`.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.chain import plan_and_decide
from bot.cli.render import as_text, write_output
from bot.cli.scan import scan_request
from bot.models.common import Level
from bot.models.decision import Outcome
from bot.models.plan import UnfixedCategory
from bot.models.report import Assessment, ScanReport
from bot.planner import render_patch

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


_OUTCOME_STYLE = {Outcome.allow: "green", Outcome.require_approval: "yellow", Outcome.deny: "red"}


def planned_report(args: argparse.Namespace) -> ScanReport:
    """scan → plan → decide (the policy sees only authoritative input; nothing is written)."""
    return plan_and_decide(scan_request(args)).report()


def _decision(a: Assessment) -> Text:
    if a.decision is None:
        return Text("")
    rules = ", ".join(r.rule for r in a.decision.reasons)
    return Text(f"{a.decision.outcome.value}" + (f" ({rules})" if rules else ""),
                style=_OUTCOME_STYLE.get(a.decision.outcome, ""))


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
    for col in ("#", "risk", "rule", "resource", "rewriter", "confidence", "status", "decision"):
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
            _decision(a),
        )
    return table


def render(report: ScanReport, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(report.to_json(), indent=2)
    if fmt == "patch":
        return render_patch(report.assessments)
    return as_text(lambda console: print_table(report, console))


def unfixed_counts(report: ScanReport) -> dict[UnfixedCategory, int]:
    """Unfixed findings per reason category, most frequent first (uncategorised as needs_human)."""
    counts = Counter(a.unfixed.category or UnfixedCategory.needs_human for a in report.assessments if a.unfixed)
    return dict(counts.most_common())


def print_table(report: ScanReport, console: Console) -> None:
    console.print(plan_table(report))
    planned = sum(1 for a in report.assessments if a.plan)
    console.print(
        f"{planned} of {len(report.assessments)} finding(s) planned; "
        "`--format patch` prints the diff to `git apply`; nothing was modified."
    )
    left = unfixed_counts(report)
    if left:
        console.print(Text("unfixed: " + ", ".join(f"{n} {c.value.replace('_', ' ')}" for c, n in left.items())))
    counts = {o: sum(1 for a in report.assessments if a.decision and a.decision.outcome is o) for o in Outcome}
    decided = ", ".join(f"{n} {o.value}" for o, n in counts.items() if n)
    if decided:
        console.print(Text(f"policy {report.policy_version}: {decided}"))


def run(args: argparse.Namespace) -> int:
    report = planned_report(args)
    if args.format == "table" and args.output is None:
        print_table(report, Console())
        return 0
    write_output(render(report, args.format), args.output)
    return 0
