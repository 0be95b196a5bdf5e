"""The Kubernetes provider: reads live objects and their running pods through the official client."""

from __future__ import annotations

from collections.abc import Sequence

from bot.models.resource import Resource
from bot.provider.kubernetes.checks import REGISTRY, supports
from bot.provider.kubernetes.client import KubeContext
from bot.provider.result import ProviderReport
from bot.provider.run import run_checks


class KubernetesProvider:
    name = "kubernetes"

    def __init__(self, ctx: KubeContext) -> None:
        self.ctx = ctx

    @staticmethod
    def supports(kind: str) -> bool:
        return supports(kind)

    def check(self, check: str, desired: Sequence[Resource]) -> ProviderReport:
        return run_checks(self.name, REGISTRY, self.ctx, check, desired,
                          lambda r: f"{r.type}/{r.namespace or 'default'}/{r.name}")
