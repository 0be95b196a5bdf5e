"""`fixbot demo [--dir DIR]`: the whole closed loop on a copy of the bundled sample repository.

The story, told with the real chain (scan with checkov, plan, Rego policy, local forge):
an allowed non-prod fix merged and verified; a prod fix waiting for its code owner, refused
for a non-owner, then approved and merged; a denied high-blast-radius change explained; a
fix whose verification fails after simulated drift, reverted by a revert PR; the audit trail.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from importlib import resources
from pathlib import Path

from rich.console import Console

from bot.cli import demo_story as story
from bot.errors import InputError

DEMO_IDENTITY = {
    "GIT_AUTHOR_NAME": "Payments Team", "GIT_AUTHOR_EMAIL": "payments@example.com",
    "GIT_COMMITTER_NAME": "Payments Team", "GIT_COMMITTER_EMAIL": "payments@example.com",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", type=Path, help="where to create the demo repository (must not exist or be empty)")
    parser.add_argument("--no-color", action="store_true", help="plain output")


def sample_repo() -> Path:
    path = Path(str(resources.files("bot") / "demo" / "sample_repo"))
    if not path.is_dir():
        raise InputError(f"the bundled sample repository is missing ({path})")
    return path


def create_repo(target: Path | None) -> Path:
    """A fresh git repository holding a copy of the sample repo, one commit on `main`."""
    if target is None:
        target = Path(tempfile.mkdtemp(prefix="fixbot-demo-")) / "payments-infra"
    if target.exists() and any(target.iterdir()):
        raise InputError(f"--dir {target}: exists and is not empty")
    shutil.copytree(sample_repo(), target, dirs_exist_ok=True)
    env = {**DEMO_IDENTITY, "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(target)}
    for cmd in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "payments infra"]):
        subprocess.run(["git", *cmd], cwd=target, env=env, check=True, capture_output=True)
    return target


def run(args: argparse.Namespace) -> int:
    started = time.monotonic()
    console = Console(no_color=args.no_color, highlight=False)
    if not console.is_terminal:
        console = Console(no_color=args.no_color, highlight=False, width=120)
    repo = create_repo(args.dir)
    summary = story.tell(repo, console)
    console.print(story.summary_table(summary))
    elapsed = time.monotonic() - started
    console.print(f"[bold]done in {elapsed:.1f}s[/] — the repository is at [cyan]{repo}[/]; try "
                  f"`fixbot prs {repo}`, `fixbot audit {repo} --verify`, `git -C {repo} log --graph`.")
    return 0
