"""`fixbot scan PATH`: what is risky in an infra repo, why, and what to fix first."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console

from bot.cli.render import render_markdown, render_table, write_output
from bot.errors import InputError
from bot.pipeline import ScanRequest, scan

FORMATS = ("table", "json", "markdown")


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


def configure(parser: argparse.ArgumentParser) -> None:
    add_scan_arguments(parser)


def scan_request(args: argparse.Namespace) -> ScanRequest:
    root: Path = args.path
    if not root.is_dir():
        raise InputError(f"{root}: not a directory")
    for f in args.findings:
        if not f.is_file():
            raise InputError(f"--findings {f}: no such file")
    return ScanRequest(root=root, findings_files=tuple(args.findings), run_checkov=not args.no_checkov)


def run_with_progress(request: ScanRequest, show: bool):  # type: ignore[no-untyped-def]
    """Run the scan; show a spinner on stderr while the stages (checkov above all) run."""
    if not show:
        return scan(request)
    console = Console(stderr=True)
    with console.status("scanning…") as status:
        return scan(request, progress=lambda stage: status.update(f"scanning: {stage}…"))


def run(args: argparse.Namespace) -> int:
    request = scan_request(args)
    interactive = args.format == "table" and args.output is None and sys.stderr.isatty()
    outcome = run_with_progress(request, interactive)
    report = outcome.report()
    if args.format == "json":
        write_output(json.dumps(report.to_json(), indent=2), args.output)
    elif args.format == "markdown":
        write_output(render_markdown(report), args.output)
    elif args.output is not None:
        console = Console(record=True, width=160)
        with console.capture():
            render_table(report, console)
        write_output(console.export_text(), args.output)
    else:
        render_table(report, Console())
    return 0
