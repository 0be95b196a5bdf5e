"""Meta-tests: every rewriter's `verification.provider_check` resolves to a registered check for
each resource type it fixes, in every provider that supports that type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from bot.provider.aws import catalog as aws
from bot.provider.kubernetes import checks as kubernetes
from bot.provider.registry import CheckRegistry, Registration, RegistryError
from bot.provider.result import verified
from bot.provider.simulated import SimulatedProvider
from bot.provider.simulated_checks import REGISTRY as SIMULATED
from rewriters import CATALOGUE

PROVIDERS: dict[str, tuple[Callable[[str], bool], CheckRegistry[Any]]] = {
    "aws": (aws.supports, aws.REGISTRY),
    "kubernetes": (kubernetes.supports, kubernetes.REGISTRY),
    "simulated": (SimulatedProvider.supports, SIMULATED),
}


@pytest.mark.parametrize("provider", sorted(PROVIDERS))
def test_every_rewriter_check_is_registered_where_its_types_are_supported(provider: str) -> None:
    supports, registry = PROVIDERS[provider]
    missing = [f"{rw.id}: {rw.verification.provider_check} for {rtype}"
               for rw in CATALOGUE for rtype in rw.resource_types
               if supports(rtype) and registry.get(rw.verification.provider_check, rtype) is None]
    assert missing == []


def test_every_aws_type_the_catalogue_fixes_is_read_by_the_aws_provider_or_says_why_not() -> None:
    types = {t for rw in CATALOGUE for t in rw.resource_types if t.startswith("aws_")}
    assert sorted(t for t in types if not aws.supports(t) and t not in aws.UNSUPPORTED) == []
    assert all(reason for reason in aws.UNSUPPORTED.values())


def test_registered_checks_are_of_supported_types() -> None:
    for name, (supports, registry) in PROVIDERS.items():
        assert [t for t in registry.types() if not supports(t)] == [], name


def test_a_check_registered_twice_or_for_no_type_is_refused() -> None:
    def fn(ctx: object, res: object) -> Any:
        return verified()

    with pytest.raises(RegistryError, match="twice"):
        CheckRegistry("x", [Registration("a", ("t",), fn), Registration("a", ("t",), fn)])
    with pytest.raises(RegistryError, match="no resource type"):
        CheckRegistry("x", [Registration("a", (), fn)])
