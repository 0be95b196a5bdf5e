"""Verify merged fixes after apply: checkov on what changed, then the provider reads the live resource.

`verify_merged(lc, provider, …)` is the one entry point (CLI and GitHub App alike: the App passes a
Lifecycle over its Forge). Per merged fix the provider's named check answers verified, failed
(a revert PR opens and the finding is requeued), unverifiable (its own record and status; never
verified; retried) or pending (retried). Every record lists each check, its result and the live
evidence, in the audit trail and as a comment on the fix PR.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.config import VerifySettings
from bot.forge.base import PullRequest
from bot.lifecycle.context import Lifecycle
from bot.lifecycle.events import state_trailers
from bot.lifecycle.ledger import ItemState, ItemStatus
from bot.lifecycle.merge import MergeResult
from bot.lifecycle.premerge import unqualified
from bot.lifecycle.reconcile import reconcile
from bot.lifecycle.revert import open_revert
from bot.lifecycle.verify_record import comment_body, evidence_trailers
from bot.lifecycle.verify_schedule import backoff, due, expired, now_utc
from bot.models.resource import Inventory, Resource
from bot.provider.base import Provider
from bot.provider.result import CheckStatus, ProviderReport

# (snapshot root, files, rules) -> failed (file, resource, rule) keys
RuleCheck = Callable[[Path, Sequence[str], Sequence[str]], set[tuple[str, str, str]]]
Applied = Callable[[str], bool]  # is this merge commit applied to the live environment yet?
RETRY_STATUSES = (ItemStatus.merged, ItemStatus.unverifiable, ItemStatus.verify_pending)


@dataclass(frozen=True)
class VerifyResult:
    resource: str
    pr: int | None
    ok: bool
    detail: str
    revert_pr: int | None = None
    revert_status: str = ""
    status: str = ""  # verified | failed | unverifiable | pending | not_applied | waiting | expired
    checks: tuple[dict[str, object], ...] = ()  # each check: name, resource, live id, status, evidence


def pending(lc: Lifecycle) -> list[ItemState]:
    return [st for st in lc.state.all() if st.status in RETRY_STATUSES and st.merge_sha]


def verify_merged(lc: Lifecycle, provider: Provider, snapshot: Path, inventory: Inventory,
                  rule_check: RuleCheck, applied: Applied | None = None, retry: VerifySettings | None = None,
                  now: datetime | None = None) -> list[VerifyResult]:
    """Verify every merged fix already applied; fixes not applied yet wait (never reverted).

    With `retry`, unverifiable / pending fixes are tried again only once their backoff has passed,
    and past the deadline they are reported as expired (status `verify_expired`), not retried."""
    for note in reconcile(lc):
        lc.note(note)
    now = now or now_utc()
    waiting = [st for st in pending(lc) if applied is not None and not applied(st.merge_sha or "")]
    later = [VerifyResult(st.resource, st.pr, False, "not applied yet: run `fixbot apply` first",
                          status="not_applied") for st in waiting]
    items = [st for st in pending(lc) if st not in waiting]
    if retry is not None:
        later += [_expire(lc, st) for st in items
                  if st.status != ItemStatus.merged and expired(retry, st.first_verify_at, now)]
        later += [VerifyResult(st.resource, st.pr, False, f"retry after {backoff(retry, st.verify_attempts)}",
                               status="waiting") for st in items
                  if st.status != ItemStatus.merged and not due(retry, st.verify_attempts, st.last_verify_at, now)]
        items = [st for st in items if st.resource not in {r.resource for r in later}]
    if not items:
        return later
    files = sorted({f for st in items for f in st.files})
    rules = sorted({r for st in items for r in (st.verification_rules or st.rules)})
    failed = rule_check(snapshot, files, rules)
    return [_verify_one(lc, st, provider, inventory, failed, now) for st in items] + later


def _expire(lc: Lifecycle, st: ItemState) -> VerifyResult:
    detail = f"not verified within the deadline after {st.verify_attempts} attempt(s): {st.last_verification}"
    lc.audit.record("unverifiable", state_trailers(st, **_common(st), **{"Fixbot-Verification": "expired",
                                                                          "Fixbot-Detail": detail}))
    lc.state.update(st.resource, status=ItemStatus.verify_expired)
    return VerifyResult(st.resource, st.pr, False, detail, status="expired")


def targets(st: ItemState, inventory: Inventory) -> list[Resource]:
    """The fixed resource and the resources of the touched files that reference it (split S3 settings)."""
    target = unqualified(st.resource)
    in_files = [r for r in inventory.resources if r.file in st.files]
    own = [r for r in in_files if unqualified(r.address) == target]
    return own + [r for r in in_files if r not in own and target in r.references]


def _verify_one(lc: Lifecycle, st: ItemState, provider: Provider, inventory: Inventory,
                failed: set[tuple[str, str, str]], now: datetime) -> VerifyResult:
    rules = set(st.verification_rules or st.rules)
    target = unqualified(st.resource)
    problems = [f"checkov {c} fails on {r} ({f})" for f, r, c in sorted(failed)
                if f in st.files and c in rules and r == target]
    report = provider.check(st.provider_check, targets(st, inventory))
    checks = tuple(r.model_dump(mode="json") for r in report.results)
    status = CheckStatus.failed if problems else report.status
    if status is CheckStatus.verified:
        record_verified(lc, st, report.detail, report)
        return VerifyResult(st.resource, st.pr, True, report.detail, status="verified", checks=checks)
    if status in (CheckStatus.unverifiable, CheckStatus.pending):
        record_unsettled(lc, st, report, now)
        return VerifyResult(st.resource, st.pr, False, report.detail, status=status.value, checks=checks)
    if report.status is CheckStatus.failed:
        problems.append(f"provider {provider.name}: {report.detail}")
    reason = "; ".join(problems)
    pr, res = record_failed(lc, st, reason, report)
    return VerifyResult(st.resource, st.pr, False, reason, pr.number, res.status, status="failed", checks=checks)


def _common(st: ItemState) -> dict[str, str]:
    return {"Fixbot-PR": str(st.pr or ""), "Fixbot-Commit": st.merge_sha or ""}


def _tell(lc: Lifecycle, st: ItemState, report: ProviderReport | None, headline: str) -> None:
    if report is not None and st.pr:
        lc.forge.comment(st.pr, comment_body(headline, report))


def record_verified(lc: Lifecycle, st: ItemState, detail: str, report: ProviderReport | None = None) -> None:
    """A merged fix passed verification: audit record first, then the state, then the PR comment."""
    lc.audit.record("verified", state_trailers(st, **_common(st), **{"Fixbot-Verification": "passed",
                                                                      "Fixbot-Detail": detail},
                                               **evidence_trailers(report)))
    lc.state.update(st.resource, status=ItemStatus.verified, last_verification=detail)
    _tell(lc, st, report, "verified: the live resource has the fixed property")


def record_unsettled(lc: Lifecycle, st: ItemState, report: ProviderReport, now: datetime) -> None:
    """Unverifiable or pending: its own record (once per distinct answer) and status; retried later."""
    status = ItemStatus.unverifiable if report.status is CheckStatus.unverifiable else ItemStatus.verify_pending
    event = status.value  # the audit event has the status's name
    attempts = st.verify_attempts + 1
    times = {"first_verify_at": st.first_verify_at or now.isoformat(), "last_verify_at": now.isoformat()}
    if report.detail == st.last_verification:
        lc.state.update(st.resource, verify_attempts=attempts, **times)
        return
    lc.audit.record(event, state_trailers(st, **_common(st), **{"Fixbot-Verification": report.status.value,
                                                                 "Fixbot-Detail": report.detail},
                                          **evidence_trailers(report)))
    lc.state.update(st.resource, status=status, verify_attempts=attempts, last_verification=report.detail, **times)
    _tell(lc, st, report, f"{report.status.value}: not verified yet, fixbot retries")


def record_failed(lc: Lifecycle, st: ItemState, reason: str,
                  report: ProviderReport | None = None) -> tuple[PullRequest, MergeResult]:
    """A merged fix failed verification: audit record, requeue, and a revert PR."""
    lc.audit.record("verify_failed", state_trailers(st, **_common(st), **{"Fixbot-Verification": "failed",
                                                                           "Fixbot-Detail": reason},
                                                    **evidence_trailers(report)))
    _tell(lc, st, report, "verification FAILED: fixbot opens a revert PR")
    st = lc.state.update(st.resource, status=ItemStatus.verify_failed, failures=(*st.failures, reason))
    return open_revert(lc, st, reason)
