"""`fixbot apply PATH --simulate [--drift ADDRESS:attr=value]...`: the simulated `terraform apply`.

Writes the default branch's resources (as the inventory reads them) into the simulated cloud
state `.git/fixbot/cloud-state.json` (`terraform show -json` shape); `--drift` then changes a
live value behind the configuration's back, as a console click would.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from bot.cli.local_session import locked, open_session, snapshot
from bot.config import load_repo_config
from bot.errors import InputError
from bot.inventory import build_inventory
from bot.provider import apply_simulated, inject_drift, state_path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="git repository")
    parser.add_argument("--simulate", action="store_true", help="apply to the simulated cloud state (required)")
    parser.add_argument("--drift", action="append", default=[], metavar="ADDRESS:attr=value",
                        help="after applying, change one live attribute (value parsed as JSON if it can be)")


def apply(path: Path, drift: list[str]) -> tuple[str, int, list[str]]:
    """(applied commit, resources applied, drift descriptions)."""
    session = open_session(path)
    target = state_path(session.forge.state_dir)
    with locked(session, "apply"), snapshot(session) as (snap, sha):
        inventory = build_inventory(snap, load_repo_config(snap))
        apply_simulated(target, inventory, sha)
        changed = [inject_drift(target, spec) for spec in drift]
    return sha, len(inventory.resources), changed


def run(args: argparse.Namespace) -> int:
    if not args.simulate:
        raise InputError("only simulated apply is built in", hint="pass --simulate (real applies belong to your CD)")
    sha, count, changed = apply(args.path, args.drift)
    console = Console()
    console.print(f"applied {args.path} @ {sha[:12]}: {count} resource(s) in the simulated state")
    for c in changed:
        console.print(f"[yellow]drift injected:[/] {c}")
    return 0
