"""Which checks a provider of the live world (not the simulated one) can run: a policy fact."""

from __future__ import annotations


def live_check_registered(check: str, rtype: str) -> bool:
    """A real provider (AWS; Kubernetes) reads this type and has `check` registered for it."""
    from bot.provider.aws import catalog as aws
    from bot.provider.kubernetes import checks as kubernetes

    return any(p.supports(rtype) and p.REGISTRY.get(check, rtype) is not None for p in (aws, kubernetes))
