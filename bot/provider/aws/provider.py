"""The AWS provider: reads the live resources behind Terraform blocks through boto3, read-only."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bot.models.resource import Resource
from bot.provider.aws.catalog import IDS, REGISTRY, supports
from bot.provider.aws.ids import LiveIds, load_state
from bot.provider.aws.session import AwsContext
from bot.provider.result import ProviderReport, Why
from bot.provider.run import all_unverifiable, run_checks


class AwsProvider:
    name = "aws"

    def __init__(self, ctx: AwsContext, root: Path, resources: Sequence[Resource]) -> None:
        state, self.problems = load_state(root)
        self.ids = LiveIds(IDS, resources, state)
        ctx.resolve = self.ids.resolve
        self.ctx = ctx

    @staticmethod
    def supports(rtype: str) -> bool:
        return supports(rtype)

    def check(self, check: str, desired: Sequence[Resource]) -> ProviderReport:
        if not self.ctx.has_credentials():
            return all_unverifiable(self.name, check, desired, Why.no_credentials,
                                    "no AWS credentials in the standard chain (env, profile, role)")
        return run_checks(self.name, REGISTRY, self.ctx, check, desired, self.ids.resolve)
