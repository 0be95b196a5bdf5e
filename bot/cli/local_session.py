"""Composition root for the lifecycle commands on a local forge (fix, approve, verify, apply...).

Builds the LocalForge, audit log, bot state and a `Lifecycle` whose policy, CODEOWNERS and
scan facts come from the DEFAULT branch (exported to a temporary snapshot), never from the
user's working tree.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.audit.log import AuditLog
from bot.audit.sink import AuditSink
from bot.chain import policy_decider
from bot.errors import InputError
from bot.forge.local import LocalForge
from bot.forge.local.checkout import checkout_state, sync_checkout
from bot.gitstore.gitops import export_tree
from bot.lifecycle.checkov_check import checkov_checker
from bot.lifecycle.context import Lifecycle, Note
from bot.lifecycle.ledger import BotState
from bot.lifecycle.lock import repo_lock
from bot.policy import PolicyEngine, load_engine
from bot.scan_stages import ScanOutcome, ScanRequest, scan
from bot.tempdirs import run_dir


@dataclass(frozen=True)
class Session:
    forge: LocalForge
    audit: AuditLog
    state: BotState

    @property
    def root(self) -> Path:
        return self.forge.root


def open_session(path: Path, sink: Path | None = None) -> Session:
    if not path.is_dir():
        raise InputError(f"{path}: not a directory")
    forge = LocalForge(path)
    if forge.head_sha(forge.default_branch()) is None:
        raise InputError(f"{path}: the default branch has no commit yet", hint="commit your files first")
    audit = AuditLog(forge.repo, forge.state_dir, AuditSink(sink) if sink else None)
    return Session(forge=forge, audit=audit, state=BotState(forge.state_dir))


@contextmanager
def locked(session: Session, what: str, wait: float = 5.0) -> Iterator[None]:
    with repo_lock(session.forge.state_dir, wait=wait, what=what):
        before = checkout_state(session.forge)
        if before[1]:
            _say(before[1])
        yield
        _say(sync_checkout(session.forge, before))


def _say(message: str) -> None:
    """What happened to the user's checkout, on stderr (stdout may be a JSON report)."""
    if message != "checkout up to date":
        print(f"fixbot: {message}", file=sys.stderr)


@contextmanager
def snapshot(session: Session) -> Iterator[tuple[Path, str]]:
    """The default branch's tip exported to a temporary directory: (path, sha)."""
    sha = session.forge.head_sha(session.forge.default_branch()) or ""
    with run_dir("snap") as tmp:
        yield export_tree(session.forge.repo, sha, tmp), sha


def context_scan(snap: Path) -> ScanOutcome:
    """Inventory, context and graph of the snapshot (no checkov, no findings): policy facts."""
    return scan(ScanRequest(root=snap, run_checkov=False))


def load_policy(session: Session) -> PolicyEngine:
    return load_engine(session.root, default_branch=session.forge.default_branch())


def make_lifecycle(session: Session, outcome: ScanOutcome, engine: PolicyEngine, note: Note | None = None) -> Lifecycle:
    forge = session.forge

    def export(sha: str, dest: Path) -> Path:
        dest.mkdir(parents=True, exist_ok=True)
        return export_tree(forge.repo, sha, dest)

    return Lifecycle(
        forge=forge, audit=session.audit, state=session.state, decide=policy_decider(outcome, engine),
        owners_of=outcome.context.owners_of, checker=checkov_checker, export=export, bot_user=forge.bot_user,
        note=note or (lambda _m: None),
    )
