"""`fixbot scan PATH`: what is risky in an infra repo, why, and what to fix first."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from bot.chain import ChainResult, plan_and_decide
from bot.cli.argtypes import unit_interval
from bot.cli.render import as_text, render_markdown, render_table, write_output
from bot.cli.scan_github import DEFAULT_ANNOTATION_THRESHOLD, add_github_arguments, only_paths, publish, repo_prefix
from bot.errors import EXIT_THRESHOLD, InputError
from bot.models.report import ScanReport
from bot.output.sarif import to_sarif
from bot.scan_stages import ScanRequest

__all__ = ["DEFAULT_ANNOTATION_THRESHOLD", "configure", "run"]
FORMATS = ("table", "json", "markdown", "sarif")


def add_scan_arguments(parser: argparse.ArgumentParser, formats: tuple[str, ...] = FORMATS) -> None:
    """Arguments shared by every command that starts with a scan (scan, plan, fix)."""
    parser.add_argument("path", type=Path, help="repository to scan")
    parser.add_argument(
        "--findings", type=Path, action="append", default=[], metavar="FILE",
        help="extra findings file (checkov JSON, SARIF, ...); format auto-detected; repeatable",
    )
    parser.add_argument("--no-checkov", action="store_true", help="do not run checkov; use --findings only")
    parser.add_argument("--format", choices=formats, default="table")
    parser.add_argument("--output", type=Path, help="write the report to FILE instead of stdout")
    parser.add_argument(
        "--fail-threshold", type=unit_interval, default=None, metavar="RISK",
        help="exit 1 when a finding's risk is at or above RISK (0-1); also the Actions annotation level",
    )
    parser.add_argument("--sarif-output", type=Path, metavar="FILE", help="also write SARIF 2.1.0 to FILE")


def configure(parser: argparse.ArgumentParser) -> None:
    add_scan_arguments(parser)
    add_github_arguments(parser)


def scan_request(args: argparse.Namespace) -> ScanRequest:
    root: Path = args.path
    if not root.is_dir():
        raise InputError(f"{root}: not a directory")
    for f in args.findings:
        if not f.is_file():
            raise InputError(f"--findings {f}: no such file")
    return ScanRequest(root=root, findings_files=tuple(args.findings), run_checkov=not args.no_checkov)


def run_with_progress(request: ScanRequest, show: bool) -> ChainResult:
    """Scan, plan and decide; a spinner on stderr while the stages (checkov above all) run."""
    if not show:
        return plan_and_decide(request)
    console = Console(stderr=True)
    with console.status("scanning…") as status:
        return plan_and_decide(request, progress=lambda stage: status.update(f"scanning: {stage}…"))


def sarif_of(report: ScanReport, args: argparse.Namespace) -> dict[str, Any]:
    """SARIF with locations relative to the repository root, even when scanning a sub-directory."""
    return to_sarif(report, uri_prefix=repo_prefix(args.path))


def emit(report: ScanReport, args: argparse.Namespace) -> None:
    """Write the report in the chosen format (and SARIF beside it when asked)."""
    if args.sarif_output is not None:
        write_output(json.dumps(sarif_of(report, args), indent=2), args.sarif_output)
    if args.format == "json":
        write_output(json.dumps(report.to_json(), indent=2), args.output)
    elif args.format == "sarif":
        write_output(json.dumps(sarif_of(report, args), indent=2), args.output)
    elif args.format == "markdown":
        write_output(render_markdown(report), args.output)
    elif args.output is not None:
        write_output(as_text(lambda console: render_table(report, console)), args.output)
    else:
        render_table(report, Console())


def exit_code(report: ScanReport, threshold: float | None) -> int:
    if threshold is None:
        return 0
    return EXIT_THRESHOLD if any(a.risk.score >= threshold for a in report.assessments) else 0


def run(args: argparse.Namespace) -> int:
    request = scan_request(args)
    interactive = args.format == "table" and args.output is None and sys.stderr.isatty()
    report = only_paths(run_with_progress(request, interactive).report(), args.only_path)
    emit(report, args)
    publish(report, sarif_of(report, args), args, os.environ)
    return exit_code(report, args.fail_threshold)

