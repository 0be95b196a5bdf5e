"""`fixbot verify`: merged fixes checked after apply; a failure opens a revert PR and requeues.

checkov re-runs once, only on the files the merged-but-unverified fixes touched and only for
their rules; then the provider checks the live state of the resources in those files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.forge.base import PullRequest
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.events import state_trailers
from bot.lifecycle.ledger import ItemState, ItemStatus
from bot.lifecycle.merge import MergeResult
from bot.lifecycle.premerge import unqualified
from bot.lifecycle.reconcile import reconcile
from bot.lifecycle.revert import open_revert
from bot.models.resource import Inventory
from bot.provider.base import Provider

# (snapshot root, files, rules) -> failed (file, resource, rule) keys
RuleCheck = Callable[[Path, Sequence[str], Sequence[str]], set[tuple[str, str, str]]]
Applied = Callable[[str], bool]  # is this merge commit applied to the live environment yet?


@dataclass(frozen=True)
class VerifyResult:
    resource: str
    pr: int | None
    ok: bool
    detail: str
    revert_pr: int | None = None
    revert_status: str = ""
    status: str = ""  # verified | failed | not_applied


def pending(lc: Lifecycle) -> list[ItemState]:
    return [st for st in lc.state.all() if st.status == ItemStatus.merged and st.merge_sha]


def verify_merged(lc: Lifecycle, provider: Provider, snapshot: Path, inventory: Inventory,
                  rule_check: RuleCheck, applied: Applied | None = None) -> list[VerifyResult]:
    """Verify every merged fix already applied; fixes not applied yet wait (never reverted)."""
    for note in reconcile(lc):
        lc.note(note)
    waiting = [st for st in pending(lc) if applied is not None and not applied(st.merge_sha or "")]
    items = [st for st in pending(lc) if st not in waiting]
    later = [VerifyResult(st.resource, st.pr, False, "not applied yet: run `fixbot apply` first",
                          status="not_applied") for st in waiting]
    if not items:
        return later
    files = sorted({f for st in items for f in st.files})
    rules = sorted({r for st in items for r in (st.verification_rules or st.rules)})
    failed = rule_check(snapshot, files, rules)
    return [_verify_one(lc, st, provider, inventory, failed) for st in items] + later


def _verify_one(lc: Lifecycle, st: ItemState, provider: Provider, inventory: Inventory,
                failed: set[tuple[str, str, str]]) -> VerifyResult:
    rules = set(st.verification_rules or st.rules)
    target = unqualified(st.resource)
    problems = [f"checkov {c} fails on {r} ({f})" for f, r, c in sorted(failed)
                if f in st.files and c in rules and r == target]
    desired = [r for r in inventory.resources if r.file in st.files]
    live = provider.check(st.provider_check, desired)
    if not live.ok:
        problems.append(f"provider {provider.name} {live.check}: {live.detail}")
    if not problems:
        record_verified(lc, st, live.detail)
        return VerifyResult(st.resource, st.pr, True, live.detail, status="verified")
    reason = "; ".join(problems)
    pr, res = record_failed(lc, st, reason)
    return VerifyResult(st.resource, st.pr, False, reason, pr.number, res.status, status="failed")


def _common(st: ItemState) -> dict[str, str]:
    return {"Fixbot-PR": str(st.pr or ""), "Fixbot-Commit": st.merge_sha or ""}


def record_verified(lc: Lifecycle, st: ItemState, detail: str) -> None:
    """A merged fix passed verification: audit record first, then the state."""
    lc.audit.record("verified", state_trailers(st, **_common(st), **{"Fixbot-Verification": "passed",
                                                                      "Fixbot-Detail": detail}))
    lc.state.update(st.resource, status=ItemStatus.verified)


def record_failed(lc: Lifecycle, st: ItemState, reason: str) -> tuple[PullRequest, MergeResult]:
    """A merged fix failed verification: audit record, requeue, and a revert PR."""
    lc.audit.record("verify_failed", state_trailers(st, **_common(st), **{"Fixbot-Verification": "failed",
                                                                           "Fixbot-Detail": reason}))
    st = lc.state.update(st.resource, status=ItemStatus.verify_failed, failures=(*st.failures, reason))
    return open_revert(lc, st, reason)
