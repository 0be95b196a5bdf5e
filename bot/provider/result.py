"""What a provider check answers: verified, failed (with live evidence), unverifiable (with why), pending.

`unverifiable` is never `verified`: it has its own status, its own audit record, and the policy
can require verification (`verification_required`). Evidence holds live values only, never
secrets: checks read configuration attributes (flags, CIDRs, key ids), not data.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from pydantic import Field

from bot.models.common import Frozen

Json = Any  # a JSON value: str | int | float | bool | None | list | dict


class CheckStatus(StrEnum):
    verified = "verified"
    failed = "failed"
    unverifiable = "unverifiable"
    pending = "pending"  # e.g. a Kubernetes rollout not done yet: retried later


class Why(StrEnum):
    """Why a check could not say verified or failed."""

    no_credentials = "no_credentials"
    not_found = "not_found"  # the live resource does not exist
    no_live_id = "no_live_id"  # neither the Terraform state nor a literal name identifies it
    not_supported = "not_supported"  # no check for this name / type in this provider
    not_applied = "not_applied"  # nothing applied yet
    api_error = "api_error"


class Outcome(Frozen):
    """One check's answer for one resource, before the provider names it."""

    status: CheckStatus
    evidence: dict[str, Json] = Field(default_factory=dict)
    reason: str = ""
    why: Why | None = None


def verified(**evidence: Json) -> Outcome:
    return Outcome(status=CheckStatus.verified, evidence=evidence)


def failed(reason: str, **evidence: Json) -> Outcome:
    return Outcome(status=CheckStatus.failed, evidence=evidence, reason=reason)


def unverifiable(why: Why, reason: str) -> Outcome:
    return Outcome(status=CheckStatus.unverifiable, reason=reason, why=why)


def pending(reason: str, **evidence: Json) -> Outcome:
    return Outcome(status=CheckStatus.pending, evidence=evidence, reason=reason)


class CheckResult(Frozen):
    check: str
    resource: str  # IaC address
    resource_type: str
    live_id: str = ""
    status: CheckStatus
    evidence: dict[str, Json] = Field(default_factory=dict)
    reason: str = ""
    why: Why | None = None

    def line(self) -> str:
        """`check on resource (live id): status — reason; key=value …` for PR comments and audit trailers."""
        where = f"{self.resource} ({self.live_id})" if self.live_id else self.resource
        facts = "; ".join(f"{k}={_short(v)}" for k, v in self.evidence.items())
        tail = " — ".join(x for x in (self.reason, facts) if x)
        return f"{self.check} on {where}: {self.status.value}{' — ' + tail if tail else ''}"


def _short(value: Json, limit: int = 160) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def overall(results: Iterable[CheckResult]) -> CheckStatus:
    """failed > pending > unverifiable > verified; nothing checked is unverifiable."""
    statuses = {r.status for r in results}
    for status in (CheckStatus.failed, CheckStatus.pending, CheckStatus.unverifiable):
        if status in statuses:
            return status
    return CheckStatus.verified if statuses else CheckStatus.unverifiable


class ProviderReport(Frozen):
    """Every check one provider ran for one merged fix."""

    provider: str
    check: str
    results: tuple[CheckResult, ...] = ()

    @property
    def status(self) -> CheckStatus:
        return overall(self.results)

    @property
    def ok(self) -> bool:
        return self.status is CheckStatus.verified

    @property
    def detail(self) -> str:
        if not self.results:
            return f"{self.check}: nothing to check"
        return "; ".join(r.line() for r in self.results)
