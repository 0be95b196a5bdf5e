"""Which rewriters' provider checks are missing, per provider: `python -m bot.provider.coverage`.

For merging new rewriters: every gap printed here is one `attr(...)` (or `custom(...)`) entry in
bot/provider/aws/checks_*.py, plus an `IdSpec` in bot/provider/aws/catalog.py for a new type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from bot.provider.aws import catalog as aws
from bot.provider.kubernetes import checks as kubernetes
from bot.provider.registry import CheckRegistry
from bot.provider.simulated import SimulatedProvider
from bot.provider.simulated_checks import REGISTRY as SIMULATED


class Fix(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def resource_types(self) -> tuple[str, ...]: ...
    @property
    def verification(self) -> Any: ...


PROVIDERS: dict[str, tuple[Callable[[str], bool], CheckRegistry[Any]]] = {
    "aws": (aws.supports, aws.REGISTRY),
    "kubernetes": (kubernetes.supports, kubernetes.REGISTRY),
    "simulated": (SimulatedProvider.supports, SIMULATED),
}


def missing_checks(catalogue: Iterable[Fix], provider: str) -> list[str]:
    """`rewriter: check for type` where the provider reads the type but has no such check."""
    supports, registry = PROVIDERS[provider]
    return [f"{rw.id}: {rw.verification.provider_check} for {rtype}" for rw in catalogue
            for rtype in rw.resource_types
            if supports(rtype) and registry.get(rw.verification.provider_check, rtype) is None]


def unread_aws_types(catalogue: Iterable[Fix]) -> list[str]:
    """AWS types the catalogue fixes that the AWS provider cannot identify live (no IdSpec, no reason)."""
    types = {t for rw in catalogue for t in rw.resource_types if t.startswith("aws_")}
    return sorted(t for t in types if not aws.supports(t) and t not in aws.UNSUPPORTED)


def main() -> int:
    from rewriters import CATALOGUE

    gaps = {name: missing_checks(CATALOGUE, name) for name in PROVIDERS}
    for name, found in gaps.items():
        print(f"{name}: {len(PROVIDERS[name][1])} checks registered, {len(found)} missing")
        for line in found:
            print(f"  {line}")
    unread = unread_aws_types(CATALOGUE)
    print(f"aws types without a live-id rule: {', '.join(unread) or 'none'}")
    return 1 if unread or any(gaps.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
