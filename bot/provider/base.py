"""The provider interface verification uses after a change is applied."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from bot.models.resource import Resource
from bot.provider.result import ProviderReport

ProviderResult = ProviderReport  # the former name


@runtime_checkable
class Provider(Protocol):
    name: str

    def supports(self, rtype: str) -> bool:
        """Can this provider read live resources of this Terraform type / Kubernetes kind?"""
        ...

    def check(self, check: str, desired: Sequence[Resource]) -> ProviderReport:
        """Does the live state of `desired` (the resources the fix is about) satisfy `check`?"""
        ...
