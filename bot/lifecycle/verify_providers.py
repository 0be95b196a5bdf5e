"""Build the provider `verify_merged` reads the live world with, by name (`.fixbot.yml` verify.provider).

The CLI and the GitHub App both call `make_provider(...)` and then `verify_merged(lc, provider, …)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.errors import ConfigError
from bot.models.resource import Resource
from bot.provider import Provider, SimulatedProvider, state_path


@dataclass(frozen=True)
class ProviderOptions:
    endpoint_url: str | None = None  # AWS: else AWS_ENDPOINT_URL / the real AWS
    profile: str | None = None  # AWS: else the standard chain
    region: str | None = None


def make_provider(name: str, snapshot: Path, resources: Sequence[Resource], state_dir: Path,
                  options: ProviderOptions | None = None) -> Provider:
    """`simulated` (the state `fixbot apply --simulate` wrote in `state_dir`), `aws` or `kubernetes`."""
    options = options or ProviderOptions()
    if name == "aws":
        from bot.provider.aws.provider import AwsProvider
        from bot.provider.aws.session import AwsContext

        ctx = AwsContext.from_environment(profile=options.profile, region=options.region,
                                          endpoint_url=options.endpoint_url)
        return AwsProvider(ctx, snapshot, resources)
    if name == "kubernetes":
        from bot.provider.kubernetes.client import KubeContext
        from bot.provider.kubernetes.provider import KubernetesProvider

        try:
            return KubernetesProvider(KubeContext.from_configuration())
        except Exception as exc:  # kubernetes.config raises ConfigException for a missing/bad kubeconfig
            raise ConfigError(f"provider kubernetes: no usable kubeconfig or in-cluster config ({exc})"[:300],
                              hint="set KUBECONFIG or run inside the cluster") from exc
    if name == "simulated":
        return SimulatedProvider(state_path(state_dir))
    raise ConfigError(f"unknown verify provider {name!r}", hint="aws, kubernetes or simulated")
