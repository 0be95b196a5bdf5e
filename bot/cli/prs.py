"""`fixbot prs PATH`: fixbot's pull requests on a local forge (state kept in `.git/fixbot/`).

Also the local stand-ins for what a forge's web UI does: `--team @org/team=alice,bob` sets a
team's members (CODEOWNERS teams), `--close N --as USER` closes a PR as a human.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.errors import InputError
from bot.forge.base import PrState
from bot.forge.local import LocalForge
from bot.lifecycle.premerge import CHECK_NAME


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, help="git repository")
    parser.add_argument("--state", choices=("open", "closed", "merged", "all"), default="all")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--team", action="append", default=[], metavar="@ORG/TEAM=USER,USER",
                        help="set a team's members on the local forge; repeatable")
    parser.add_argument("--close", type=int, metavar="N", help="close PR N without merging (as --as USER)")
    parser.add_argument("--as", dest="user", metavar="USER", help="who closes (with --close)")


def _set_teams(forge: LocalForge, specs: list[str]) -> None:
    for spec in specs:
        team, eq, members = spec.partition("=")
        if not eq or "/" not in team:
            raise InputError(f"--team {spec!r}: expected @org/team=user,user")
        forge.set_team(team, [m.strip() for m in members.split(",") if m.strip()])


def run(args: argparse.Namespace) -> int:
    forge = LocalForge(args.path)
    _set_teams(forge, args.team)
    if args.close is not None:
        if not args.user:
            raise InputError("--close needs --as USER (who closes it)")
        forge.close(args.close, f"Closed by {args.user}.", by=args.user.lstrip("@"))
    prs = forge.list_prs(None if args.state == "all" else PrState(args.state))
    if args.format == "json":
        print(json.dumps([p.model_dump(mode="json") | {"checks": [c.model_dump(mode="json") for c in
                          forge.list_checks(p.head_sha)]} for p in prs], indent=2))
        return 0
    table = Table(title=f"fixbot pull requests ({args.path})")
    for col in ("#", "state", "title", "branch", "head", "reviewers", "checks"):
        table.add_column(col, overflow="fold")
    for p in prs:
        checks = [c for c in forge.list_checks(p.head_sha) if c.name == CHECK_NAME]
        state = p.state.value + (f" by {p.closed_by}" if p.closed_by else "")
        table.add_row(str(p.number), state, Text(p.title), Text(p.head), p.head_sha[:10],
                      Text(", ".join(p.requested_reviewers)), checks[-1].conclusion.value if checks else "")
    Console().print(table)
    return 0
