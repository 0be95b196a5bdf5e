"""Run one named check of a provider's registry over the resources a merged fix touched."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from bot.models.resource import Resource
from bot.provider.registry import CheckRegistry
from bot.provider.result import CheckResult, CheckStatus, Outcome, ProviderReport, Why

C = TypeVar("C")


def result(check: str, res: Resource, outcome: Outcome, live_id: str = "") -> CheckResult:
    return CheckResult(check=check, resource=res.address, resource_type=res.type, live_id=live_id,
                       status=outcome.status, evidence=outcome.evidence, reason=outcome.reason, why=outcome.why)


def unsupported(provider: str, check: str, resources: Sequence[Resource]) -> CheckResult:
    types = ", ".join(sorted({r.type for r in resources})) or "no resource"
    return CheckResult(check=check, resource=", ".join(r.address for r in resources[:3]), resource_type=types,
                       status=CheckStatus.unverifiable, why=Why.not_supported,
                       reason=f"provider {provider} has no check {check!r} for {types}")


def run_checks(provider: str, registry: CheckRegistry[C], ctx: C, check: str, targets: Sequence[Resource],
               live_id: Callable[[Resource], str | None] = lambda r: None) -> ProviderReport:
    """The named check on every target it is registered for; none → one `unverifiable` result."""
    out: list[CheckResult] = []
    for res in targets:
        fn = registry.get(check, res.type)
        if fn is not None:
            out.append(result(check, res, fn(ctx, res), live_id(res) or ""))
    return ProviderReport(provider=provider, check=check,
                          results=tuple(out) or (unsupported(provider, check, targets),))


def all_unverifiable(provider: str, check: str, targets: Sequence[Resource], why: Why, reason: str) -> ProviderReport:
    return ProviderReport(provider=provider, check=check, results=tuple(
        CheckResult(check=check, resource=r.address, resource_type=r.type, status=CheckStatus.unverifiable,
                    why=why, reason=reason) for r in targets) or (unsupported(provider, check, targets),))
