"""Everything one lifecycle run works with, built once by a composition root (CLI, server)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from bot.audit.record import AuditRecord
from bot.forge.base import Forge
from bot.lifecycle.ledger import BotState
from bot.models.common import Frozen
from bot.models.report import Decider


class CheckOutcome(Frozen):
    ok: bool
    summary: str
    details: tuple[str, ...] = ()


class CheckRequest(Frozen):
    base_dir: str
    head_dir: str
    files: tuple[str, ...]
    rules: tuple[str, ...]  # rules the change must make pass (empty for reverts)
    resource: str  # the target resource (checkov spelling, unqualified)
    allowed_regressions: tuple[str, ...] = ()  # reverts knowingly bring these rules back


class Auditor(Protocol):
    def record(self, event: str, trailers: Mapping[str, str]) -> AuditRecord: ...
    def records(self) -> list[AuditRecord]: ...


Checker = Callable[[CheckRequest], CheckOutcome]
Exporter = Callable[[str, Path], Path]  # materialise commit SHA into a directory
OwnersOf = Callable[[str], tuple[str, ...]]
Note = Callable[[str], None]


@dataclass(frozen=True)
class Lifecycle:
    forge: Forge
    audit: Auditor
    state: BotState
    decide: Decider  # re-evaluates policy (facts: forge facts such as approvals, earlier failures)
    owners_of: OwnersOf  # CODEOWNERS of the default branch
    checker: Checker
    export: Exporter
    bot_user: str = "fixbot[bot]"
    note: Note = field(default=lambda _msg: None)
