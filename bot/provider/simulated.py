"""The embedded default provider: a simulated cloud in `terraform show -json` shape.

`fixbot apply --simulate` writes the default branch's resources (from the inventory) into
`.git/fixbot/cloud-state.json`; `--drift ADDRESS:attr=value` then changes one live value, as
a console click would. `SimulatedProvider.check` compares that state with the configuration.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.errors import InputError
from bot.gitstore.store import atomic_write_json, read_json
from bot.models.resource import Inventory, Resource
from bot.provider.base import ProviderResult
from bot.provider.live_checks import NAMED, drift

STATE_FILE = "cloud-state.json"


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


class SimulatedProvider:
    name = "simulated"

    def __init__(self, path: Path) -> None:
        self.path = path

    def live(self) -> dict[str, dict[str, Any]]:
        doc = read_json(self.path, None)
        if doc is None:
            return {}
        return {r["address"]: r.get("values", {}) for r in doc["values"]["root_module"]["resources"]}

    def applied_commit(self) -> str | None:
        doc = read_json(self.path, None)
        return doc.get("fixbot_applied_commit") if doc else None

    def check(self, check: str, desired: Sequence[Resource]) -> ProviderResult:
        live = self.live()
        if not live:
            return ProviderResult(ok=False, check=check, detail="nothing applied yet (no simulated state)")
        problems: list[str] = []
        named = NAMED.get(check)
        for res in desired:
            values = live.get(res.address)
            if values is None:
                problems.append(f"{res.address}: not present in the live state (not applied?)")
                continue
            problems += drift(res, values)
            extra = named(res, values) if named else None
            problems += [extra] if extra else []
        detail = "; ".join(problems[:3]) if problems else f"{check}: live state matches ({len(desired)} resource(s))"
        return ProviderResult(ok=not problems, check=check, detail=detail, problems=tuple(problems))
