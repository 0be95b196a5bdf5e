"""The lifecycle's use of forge auto-merge: only for pending checks, never failing the run."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.errors import ConflictError, ForgeError
from bot.forge.base import AutoMergeResult, CheckConclusion, CheckRun, PrState, PullRequest
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.ledger import ItemState
from bot.lifecycle.merge import _merge
from bot.models.decision import Decision, Outcome

HEAD = "a" * 40
PR = PullRequest(number=7, title="fix", body="", head="fixbot/x", base="main", head_sha=HEAD, state=PrState.open)
ALLOW = Decision(outcome=Outcome.allow, reasons=(), policy_version="v1")


@dataclass
class FakeForge:
    """Just what `_merge` touches; `merge` always refuses (checks pending), like branch protection."""

    allowed: bool = True
    checks: tuple[CheckConclusion, ...] = (CheckConclusion.success, CheckConclusion.pending)
    enable: AutoMergeResult | Exception = field(
        default_factory=lambda: AutoMergeResult(enabled=True, detail="auto-merge enabled"))
    comment_fails: bool = False
    calls: list[str] = field(default_factory=list)

    def merge(self, number: int, expected_head_sha: str, message: str, trailers: Mapping[str, str]) -> str:
        raise ConflictError("Required status check \"ci\" is expected.")

    def auto_merge_allowed(self) -> bool:
        return self.allowed

    def list_checks(self, sha: str) -> list[CheckRun]:
        return [CheckRun(name=f"c{i}", head_sha=sha, conclusion=c) for i, c in enumerate(self.checks)]

    def enable_auto_merge(self, number: int, expected_head_sha: str, message: str,
                          trailers: Mapping[str, str]) -> AutoMergeResult:
        self.calls.append(f"enable {number} {expected_head_sha}")
        if isinstance(self.enable, Exception):
            raise self.enable
        return self.enable

    def comment(self, number: int, body: str) -> None:
        self.calls.append(f"comment {body}")
        if self.comment_fails:
            raise ForgeError("GitHub comment failed (502)")


@dataclass
class Audit:
    events: list[str] = field(default_factory=list)

    def record(self, event: str, trailers: Mapping[str, str]) -> Any:
        self.events.append(event)

    def records(self) -> list[Any]:
        return []


def run(forge: FakeForge) -> tuple[str, str, Audit, list[str]]:
    audit, notes = Audit(), []
    lc = Lifecycle(forge=forge, audit=audit, state=None, decide=None, owners_of=None, checker=None,  # type: ignore[arg-type]
                   export=None, note=notes.append)
    result = _merge(lc, PR, ItemState(resource="aws_s3_bucket.x", pr=7), ALLOW, HEAD, None)
    return result.status, result.detail, audit, notes


def test_pending_checks_enable_auto_merge_pinned_to_the_checked_head_and_say_so() -> None:
    forge = FakeForge()
    status, _, audit, _ = run(forge)
    assert status == "auto_merge" and audit.events == ["auto_merge"]
    assert forge.calls[0] == f"enable 7 {HEAD}" and "cancels it" in forge.calls[1]


def test_a_failed_check_or_a_repository_without_auto_merge_keeps_the_old_path() -> None:
    for forge in (FakeForge(checks=(CheckConclusion.failure,)), FakeForge(allowed=False)):
        status, detail, audit, _ = run(forge)
        assert status == "conflict" and "expected" in detail and audit.events == [] and forge.calls == []


def test_a_refusal_or_a_forge_error_falls_back_without_failing_the_run() -> None:
    refused = FakeForge(enable=AutoMergeResult(enabled=False, detail="GitHub refused auto-merge: clean status"))
    assert run(refused)[:2] == ("conflict", "Required status check \"ci\" is expected.; GitHub refused "
                                            "auto-merge: clean status")
    broken = FakeForge(enable=ForgeError("GitHub graphql unreachable"))
    status, detail, audit, _ = run(broken)
    assert status == "conflict" and "unreachable" in detail and audit.events == []


def test_already_enabled_is_not_announced_twice_and_a_failed_comment_is_only_noted() -> None:
    again = FakeForge(enable=AutoMergeResult(enabled=True, already=True, detail="already enabled"))
    status, _, audit, _ = run(again)
    assert status == "auto_merge" and audit.events == [] and len(again.calls) == 1
    mute = FakeForge(comment_fails=True)
    status, _, audit, notes = run(mute)
    assert status == "auto_merge" and audit.events == ["auto_merge"] and "could not comment" in notes[0]
