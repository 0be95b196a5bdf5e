"""Shared rendering for CLI reports: rich tables, markdown, safe text, atomic output."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.fileio import atomic_write_text
from bot.models.report import Assessment, ScanReport
from bot.text import decision_label as decision_cell
from bot.text import md_escape


def write_output(text: str, output: Path | None) -> None:
    """Print to stdout, or write atomically to `output` (never half-written)."""
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    atomic_write_text(output, text)


def as_text(draw: Callable[[Console], None], width: int = 160) -> str:
    """What `draw` prints, as plain text (for `--output FILE`): no colour codes, fixed width."""
    console = Console(record=True, width=width, file=io.StringIO())
    draw(console)
    return console.export_text()


def location(a: Assessment) -> str:
    f = a.finding
    return f"{f.file}:{f.line.start}" if f.file and f.line else (f.file or "")


def top_evidence(a: Assessment, limit: int = 3) -> list[str]:
    ranked = sorted(a.risk.factors, key=lambda fc: -fc.weight * fc.value)
    return [f"{fc.name} {fc.value:.2f}: {'; '.join(fc.evidence)}" for fc in ranked[:limit] if fc.evidence]


def risk_table(report: ScanReport, *, title: str = "fixbot findings by risk") -> Table:
    table = Table(title=title, show_lines=True)
    for col in ("#", "risk", "severity", "rule", "resource", "location", "env", "exposed", "decision"):
        table.add_column(col, overflow="fold")
    table.add_column("why (top factors)", overflow="fold", ratio=3)
    for i, a in enumerate(report.assessments, 1):
        f = a.finding
        table.add_row(
            str(i),
            f"{a.risk.score:.2f}",
            f.severity.value,
            f.rule_id,
            Text(f.resource or ""),
            Text(location(a)),
            f.environment or "",
            "yes" if f.internet_exposed else "no",
            decision_cell(a),
            Text("\n".join(top_evidence(a))),
        )
    return table


def render_table(report: ScanReport, console: Console) -> None:
    console.print(risk_table(report))
    if report.unmapped:
        console.print(f"[yellow]{len(report.unmapped)} finding(s) could not be mapped to IaC:[/]")
        for u in report.unmapped:
            console.print(Text(f"  {u.finding.rule_id} {u.finding.file or u.finding.asset or ''}: {u.reason}"))
    for e in report.errors:
        where = f"{e.file}:{e.line}" if e.file and e.line else (e.file or "")
        console.print(Text(f"error [{e.kind}] {where} {e.message}"), style="red")
    if report.policy_version:
        console.print(f"policy version: {report.policy_version}")


def render_markdown(report: ScanReport) -> str:
    lines = [
        "# fixbot scan",
        "",
        f"Repository commit: `{report.repository.commit or 'none'}`  ",
        f"Findings: {len(report.assessments)}, unmapped: {len(report.unmapped)}, errors: {len(report.errors)}",
        "",
        "| # | risk | severity | rule | resource | location | env | decision |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for i, a in enumerate(report.assessments, 1):
        f = a.finding
        lines.append(
            f"| {i} | {a.risk.score:.2f} | {f.severity.value} | {md_escape(f.rule_id)} | {md_escape(f.resource)} "
            f"| {md_escape(location(a))} | {md_escape(f.environment)} | {md_escape(decision_cell(a))} |"
        )
    for i, a in enumerate(report.assessments, 1):
        lines += ["", f"## {i}. {md_escape(a.finding.title)}", ""]
        lines += [f"- {md_escape(ev)}" for ev in top_evidence(a, limit=6)]
        if a.attack_path:
            lines.append(f"- attack path: {md_escape(' → '.join(a.attack_path))}")
    if report.unmapped:
        lines += ["", "## Unmapped", ""]
        lines += [f"- {md_escape(u.finding.rule_id)}: {md_escape(u.reason)}" for u in report.unmapped]
    if report.errors:
        lines += ["", "## Errors", ""]
        lines += [f"- {md_escape(e.file)}:{e.line or ''} {md_escape(e.message)}" for e in report.errors]
    return "\n".join(lines) + "\n"
