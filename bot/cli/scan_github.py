"""What `fixbot scan` does for GitHub: the SARIF upload to code scanning, and under GitHub
Actions (`GITHUB_ACTIONS=true`) annotations, the job summary and step outputs.

Repository, commit and ref come from the flags, else from the runner (`GITHUB_REPOSITORY`,
`GITHUB_SHA`, `GITHUB_REF`), else from the event payload (`GITHUB_EVENT_PATH`).
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.actions import ActionsEnv, annotation_lines, append_summary, outputs, summary_markdown, write_outputs
from bot.errors import FixbotError, ForgeError
from bot.models.report import ScanReport
from bot.text import md_escape

DEFAULT_ANNOTATION_THRESHOLD = 0.7


def add_github_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--upload-sarif", action="store_true",
                        help="upload the SARIF to GitHub code scanning (needs GITHUB_TOKEN or App credentials)")
    parser.add_argument("--repo", metavar="OWNER/NAME", help="GitHub repository (default: GITHUB_REPOSITORY)")
    parser.add_argument("--commit", metavar="SHA", help="analysed commit for the upload (default: GITHUB_SHA)")
    parser.add_argument("--ref", metavar="REF", help="analysed ref, refs/heads/... (default: GITHUB_REF)")
    parser.add_argument("--only-path", action="append", default=[], metavar="DIR",
                        help="report only findings under DIR (relative to the scan root); repeatable")
    parser.add_argument("--link-prs", action="store_true",
                        help="link open fixbot PRs in the job summary (reads pull requests on --repo)")


def repo_prefix(root: Path) -> str:
    """The scan root's path inside its git repository ('' at the top or outside git)."""
    here = root.resolve()
    for parent in (here, *here.parents):
        if (parent / ".git").exists():
            rel = here.relative_to(parent).as_posix()
            return "" if rel == "." else rel
    return ""


def only_paths(report: ScanReport, dirs: list[str]) -> ScanReport:
    """Keep the findings under one of `dirs` (the whole repository is still scanned for context)."""
    prefixes = [d.strip().strip("/") for d in dirs if d.strip().strip("/.")]
    if not prefixes:
        return report

    def under(file: str | None) -> bool:
        return bool(file) and any(file == p or str(file).startswith(p + "/") for p in prefixes)

    keep = tuple(a for a in report.assessments if under(a.finding.file))
    return report.model_copy(update={"assessments": keep})


@dataclass(frozen=True)
class Target:
    repo: str | None
    commit: str | None
    ref: str | None


def target(args: argparse.Namespace, env: ActionsEnv | None) -> Target:
    repo, sha, ref = env.target() if env is not None else (None, None, None)
    return Target(args.repo or repo, args.commit or sha, args.ref or ref)


@dataclass
class GitHubResult:
    links: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    error: FixbotError | None = None  # raised after the summary and outputs are written


def _code(text: str | None) -> str:
    return f"`{(text or '').replace('`', '')}`"


def talk_to_github(sarif: dict[str, Any], args: argparse.Namespace, where: Target,
                   environ: Mapping[str, str]) -> GitHubResult:
    from bot.cli.github_session import github_target, open_pr_links, upload

    out = GitHubResult()
    try:
        with github_target(where.repo, environ) as gh:
            if args.link_prs:
                try:
                    out.links = open_pr_links(gh.forge())
                except ForgeError as exc:
                    out.notes.append(f"Could not list fixbot PRs: {md_escape(str(exc))}")
            if args.upload_sarif:
                up = upload(gh, sarif, where.commit, where.ref)
                out.outputs["sarif-id"] = up.id
                out.notes.append(f"SARIF uploaded to code scanning for {_code(where.ref)} (upload {_code(up.id)}).")
    except FixbotError as exc:
        out.notes.append(f"**GitHub step failed** (nothing uploaded): {md_escape(str(exc))}")
        out.error = exc
    return out


def publish(report: ScanReport, sarif: dict[str, Any], args: argparse.Namespace, environ: Mapping[str, str]) -> None:
    """Upload and link PRs (when asked), then the Actions reporting (under Actions); a failed upload
    still gets its summary and outputs written before it fails the command."""
    env = ActionsEnv.from_env(environ)
    where = target(args, env)
    result = talk_to_github(sarif, args, where, environ) if args.upload_sarif or args.link_prs else GitHubResult()
    if env is not None:
        actions_report(report, args, env, result.links, result.notes, result.outputs)
    if result.error is not None:
        raise result.error


def actions_report(report: ScanReport, args: argparse.Namespace, env: ActionsEnv, links: Mapping[str, str],
                   notes: list[str], extra: Mapping[str, str]) -> None:
    """Annotations on stdout, a job summary and step outputs."""
    failing = args.fail_threshold is not None
    threshold = args.fail_threshold if failing else DEFAULT_ANNOTATION_THRESHOLD
    for line in annotation_lines(report, threshold, failing=failing, prefix=repo_prefix(args.path)):
        print(line)
    if env.summary_path is not None:
        tail = "".join(f"\n{n}\n" for n in notes)
        append_summary(env.summary_path, summary_markdown(report, threshold, links) + tail)
    if env.output_path is not None:
        sarif_path = args.sarif_output or (args.output if args.format == "sarif" else None)
        write_outputs(env.output_path, {**outputs(report, threshold, sarif_path), **extra})
