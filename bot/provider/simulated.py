"""The embedded default provider: a simulated cloud in `terraform show -json` shape.

`fixbot apply --simulate` writes the default branch's resources (from the inventory) into
`.git/fixbot/cloud-state.json`; `--drift ADDRESS:attr=value` then changes one live value, as
a console click would. `SimulatedProvider.check` runs the named check from its registry
(bot.provider.simulated_checks) and, as a separate visible result, a drift check of the live
values against the configuration. A check name it does not know is `unverifiable`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.errors import InputError
from bot.gitstore.store import atomic_write_json, read_json
from bot.models.resource import Inventory, Resource
from bot.provider.result import CheckResult, CheckStatus, ProviderReport, Why
from bot.provider.run import all_unverifiable, run_checks
from bot.provider.simulated_checks import REGISTRY, SimContext

STATE_FILE = "cloud-state.json"
DRIFT_CHECK = "config_drift"


def state_path(state_dir: Path) -> Path:
    return state_dir / STATE_FILE


def _resource_json(r: Resource) -> dict[str, Any]:
    return {
        "address": r.address, "mode": "managed", "type": r.type, "name": r.name,
        "provider_name": "registry.terraform.io/hashicorp/aws" if r.kind.value == "terraform" else "kubernetes",
        "values": r.attributes,
    }


def apply_simulated(path: Path, inventory: Inventory, commit: str) -> dict[str, Any]:
    """Replace the simulated state with the configuration of `commit` (a `terraform apply`)."""
    doc = {
        "format_version": "1.0",
        "terraform_version": "simulated",
        "fixbot_applied_commit": commit,
        "values": {"root_module": {"resources": [_resource_json(r) for r in inventory.resources]}},
    }
    atomic_write_json(path, doc)
    return doc


def _parse_drift(spec: str) -> tuple[str, str, Any]:
    address, sep, rest = spec.partition(":")
    attr, eq, raw = rest.partition("=")
    if not sep or not eq or not address or not attr:
        raise InputError(f"--drift {spec!r}: expected ADDRESS:attr=value")
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    return address, attr, value


def inject_drift(path: Path, spec: str) -> str:
    """Change one live attribute; returns a description. The address must be in the state."""
    address, attr, value = _parse_drift(spec)
    doc = read_json(path, None)
    if doc is None:
        raise InputError(f"no simulated state at {path}", hint="run `fixbot apply PATH --simulate` first")
    for res in doc["values"]["root_module"]["resources"]:
        if res["address"] == address:
            res["values"][attr] = value
            atomic_write_json(path, doc)
            return f"{address}.{attr} = {json.dumps(value)}"
    raise InputError(f"--drift {spec!r}: no resource {address!r} in the simulated state")


def drift(res: Resource, live: dict[str, Any]) -> CheckResult:
    """The live values of `res` differ from its configuration? (its own result, never a fallback)"""
    diffs = {key: {"live": live.get(key), "configured": want}
             for key, want in res.attributes.items() if live.get(key) != want}
    return CheckResult(check=DRIFT_CHECK, resource=res.address, resource_type=res.type,
                       status=CheckStatus.failed if diffs else CheckStatus.verified, evidence=diffs,
                       reason="live values differ from the configuration" if diffs else "")


class SimulatedProvider:
    name = "simulated"

    def __init__(self, path: Path) -> None:
        self.path = path

    def _doc(self) -> dict[str, Any] | None:
        doc: dict[str, Any] | None = read_json(self.path, None)
        return doc

    def live(self) -> dict[str, dict[str, Any]]:
        doc = self._doc()
        return {r["address"]: r.get("values", {}) for r in doc["values"]["root_module"]["resources"]} if doc else {}

    def applied_commit(self) -> str | None:
        doc = self._doc()
        return doc.get("fixbot_applied_commit") if doc else None

    @staticmethod
    def supports(rtype: str) -> bool:
        return rtype in REGISTRY.types()

    def check(self, check: str, desired: Sequence[Resource]) -> ProviderReport:
        doc = self._doc()
        if doc is None:
            return all_unverifiable(self.name, check, desired, Why.not_applied,
                                    "nothing applied yet (no simulated state)")
        resources = doc["values"]["root_module"]["resources"]
        ctx = SimContext({r["address"]: r.get("values", {}) for r in resources},
                         {r["address"]: r.get("type", "") for r in resources})
        named = run_checks(self.name, REGISTRY, ctx, check, desired)
        drifts = tuple(drift(r, dict(ctx.live[r.address])) for r in desired if r.address in ctx.live)
        return named.model_copy(update={"results": named.results + drifts})
