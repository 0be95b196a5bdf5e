"""`fixbot verify PATH`: verify merged fixes after apply; a failure opens a revert PR.

checkov runs once, on the files the merged-but-unverified fixes touched and only for their
rules; then the provider reads the live resources: `--provider simulated` (the default, the
state `fixbot apply --simulate` wrote), `aws` (boto3, standard credential chain,
`AWS_ENDPOINT_URL` honoured) or `kubernetes`. `--print-iam-policy` prints the least-privilege
read-only IAM policy the AWS checks need.
Exit codes: 0 all verified (or nothing to verify), 1 a verification failed (revert opened) or
could not be made (unverifiable / pending), 2 error, 4 locked.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.cli.local_session import Session, context_scan, load_policy, locked, make_lifecycle, open_session, snapshot
from bot.config import load_repo_config
from bot.errors import InputError
from bot.gitstore.gitops import is_ancestor
from bot.lifecycle.verify import VerifyResult, verify_merged
from bot.lifecycle.verify_providers import ProviderOptions, make_provider
from bot.models.resource import Inventory
from bot.provider import Provider, SimulatedProvider, state_path

PROVIDERS = ("simulated", "aws", "kubernetes")
STYLE = {"verified": "green", "failed": "red", "unverifiable": "magenta", "expired": "red"}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, nargs="?", help="git repository")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--audit-sink", type=Path, metavar="FILE|DIR", help="also append audit records (JSONL)")
    parser.add_argument("--provider", choices=PROVIDERS,
                        help="where the live resources are (default: `.fixbot.yml` verify.provider, else simulated)")
    parser.add_argument("--endpoint-url", help="AWS API endpoint (else AWS_ENDPOINT_URL / the real AWS)")
    parser.add_argument("--profile", help="AWS shared-config profile (else the standard chain)")
    parser.add_argument("--region", help="AWS region (else the profile's / AWS_DEFAULT_REGION / us-east-1)")
    parser.add_argument("--print-iam-policy", action="store_true",
                        help="print the read-only IAM policy the AWS checks need, then exit")


def checkov_rules(root: Path, files: Sequence[str], rules: Sequence[str]) -> set[tuple[str, str, str]]:
    from bot.ingest.checkov_runner import run_checkov

    present = [f for f in files if (root / f).is_file()]
    if not present or not rules:
        return set()
    run = run_checkov(root, files=present, checks=list(rules))
    return {(str(r.file).lstrip("/"), str(r.resource or ""), r.check_id) for r in run.failed}


ProviderFactory = Callable[[Session, Path, Inventory], Provider]


def _simulated(session: Session, snap: Path, inventory: Inventory) -> Provider:
    return SimulatedProvider(state_path(session.forge.state_dir))


def named_factory(name: str, options: ProviderOptions | None = None) -> ProviderFactory:
    def make(session: Session, snap: Path, inventory: Inventory) -> Provider:
        return make_provider(name, snap, inventory.resources, session.forge.state_dir, options or ProviderOptions())

    return make


def verify(path: Path, sink: Path | None = None, factory: ProviderFactory | None = None,
           choose: Callable[[str], ProviderFactory] | None = None) -> list[VerifyResult]:
    """`factory`, else `choose(.fixbot.yml verify.provider)`, else the simulated provider."""
    session = open_session(path, sink)
    with locked(session, "verify"), snapshot(session) as (snap, _sha):
        settings = load_repo_config(snap).verify
        make = factory or (choose(settings.provider) if choose else _simulated)
        outcome = context_scan(snap)
        lc = make_lifecycle(session, outcome, load_policy(session))
        provider = make(session, snap, outcome.inventory)
        applied = applied_check(session, provider) if isinstance(provider, SimulatedProvider) else None
        return verify_merged(lc, provider, snap, outcome.inventory, checkov_rules, applied, retry=settings)


def applied_check(session: Session, provider: SimulatedProvider) -> Callable[[str], bool]:
    """A merge is applied when the simulated state was applied from a commit containing it."""
    applied = provider.applied_commit()

    def check(merge_sha: str) -> bool:
        return applied is not None and is_ancestor(session.forge.repo, merge_sha, applied)

    return check


def _chooser(args: argparse.Namespace) -> Callable[[str], ProviderFactory]:
    options = ProviderOptions(args.endpoint_url, args.profile, args.region)
    return lambda configured: named_factory(args.provider or configured, options)


def _table(results: list[VerifyResult]) -> None:
    table = Table(title="fixbot verify")
    for col in ("resource", "PR", "result", "detail", "revert PR"):
        table.add_column(col, overflow="fold")
    for r in results:
        status = Text(r.status, style=STYLE.get(r.status, "yellow"))
        revert = f"#{r.revert_pr} ({r.revert_status})" if r.revert_pr else ""
        table.add_row(Text(r.resource), f"#{r.pr}" if r.pr else "", status, Text(r.detail), revert)
    Console().print(table if results else "nothing to verify: no merged fix awaits verification")


def run(args: argparse.Namespace) -> int:
    if args.print_iam_policy:
        from bot.provider.aws.catalog import shipped_policy

        print(json.dumps(shipped_policy(), indent=2))
        return 0
    if args.path is None:
        raise InputError("fixbot verify: PATH is required", hint="fixbot verify PATH [--provider aws]")
    results = verify(args.path, args.audit_sink, choose=_chooser(args))
    if args.format == "json":
        print(json.dumps([asdict(r) for r in results], indent=2, default=str))
    else:
        _table(results)
    return 1 if any(r.status in ("failed", "unverifiable", "pending", "expired") for r in results) else 0
