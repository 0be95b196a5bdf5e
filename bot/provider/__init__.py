"""Providers: where verification asks the live world whether a fix took effect.

`Provider` is the interface. `SimulatedProvider` (the embedded default) reads a simulated cloud
state in `terraform show -json` shape; `bot.provider.aws.AwsProvider` reads AWS through boto3.
Each has an explicit registry of named checks (bot.provider.registry); a check answers verified,
failed (with live evidence) or unverifiable (with why).
"""

from bot.provider.base import Provider, ProviderResult
from bot.provider.result import CheckResult, CheckStatus, ProviderReport, Why
from bot.provider.simulated import SimulatedProvider, apply_simulated, inject_drift, state_path

__all__ = ["CheckResult", "CheckStatus", "Provider", "ProviderReport", "ProviderResult", "SimulatedProvider", "Why",
           "apply_simulated", "inject_drift", "state_path"]
