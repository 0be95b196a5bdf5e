"""Providers: where verification asks the live world whether a fix took effect.

`Provider` is the interface; `SimulatedProvider` (the embedded default) reads a simulated
cloud state in `terraform show -json` shape. Real AWS / Kubernetes providers implement the
same Protocol.
"""

from bot.provider.base import Provider, ProviderResult
from bot.provider.simulated import SimulatedProvider, apply_simulated, inject_drift, state_path

__all__ = ["Provider", "ProviderResult", "SimulatedProvider", "apply_simulated", "inject_drift", "state_path"]
