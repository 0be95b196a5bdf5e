"""Which live AWS resource a Terraform block created: the Terraform state first, then literal names.

State: `terraform show -json` output saved at `.fixbot/state.json` or `.fixbot/state/*.json`
(the convention the live-finding mapping uses, bot.mapping.tfstate). Without a state entry, a
literal name attribute (`bucket = "logs"`) identifies the resource; a reference
(`bucket = aws_s3_bucket.logs.id`) is followed to the block it names.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.mapping.tfstate import STATE_DIR, STATE_FILE, plain
from bot.models.resource import Resource

_REF = re.compile(r"^(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)\.(id|arn|bucket|name)$")
_MAX_STATE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class IdSpec:
    state: tuple[str, ...]  # keys of the state's `values`, first present wins
    config: tuple[str, ...] = ()  # attributes whose literal value names the live resource
    join: bool = False  # the id is every `config` value joined by ":" (`role:policy` of inline policies)


def _modules(module: dict[str, Any]) -> list[dict[str, Any]]:
    return [module] + [m for c in module.get("child_modules") or [] if isinstance(c, dict) for m in _modules(c)]


def load_state(root: Path) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """plain address -> state values, and the problems met (unreadable files are reported)."""
    files = ([root / STATE_FILE] if (root / STATE_FILE).is_file() else []) + (
        sorted((root / STATE_DIR).glob("*.json")) if (root / STATE_DIR).is_dir() else [])
    out: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for path in files:
        try:
            if path.stat().st_size > _MAX_STATE_BYTES:
                raise ValueError("too large")
            rootmod = json.loads(path.read_text(encoding="utf-8"))["values"]["root_module"]
            for mod in _modules(rootmod):
                for res in mod.get("resources") or []:
                    if isinstance(res, dict) and res.get("mode", "managed") == "managed":
                        out.setdefault(plain(str(res["address"])), res.get("values") or {})
        except (OSError, ValueError, KeyError, TypeError) as exc:
            problems.append(f"state file {path.name} unusable: {str(exc)[:100]}")
    return out, problems


def _unqualified(address: str) -> str:
    return address.rsplit(":", 1)[-1]


class LiveIds:
    """Resolves a block to its live id with a per-type `IdSpec`."""

    def __init__(self, specs: dict[str, IdSpec], resources: Sequence[Resource], state: dict[str, dict[str, Any]]):
        self.specs = specs
        self.state = state
        self.by_plain: dict[str, Resource] = {}
        for r in resources:
            self.by_plain.setdefault(plain(_unqualified(r.address)), r)

    def resolve(self, res: Resource, depth: int = 0) -> str | None:
        spec = self.specs.get(res.type)
        if spec is None or depth > 3:
            return None
        values = self.state.get(plain(_unqualified(res.address)), {})
        for key in spec.state:
            if isinstance(values.get(key), str) and values[key]:
                return str(values[key])
        found = [self._literal(res.attributes.get(key), depth) for key in spec.config]
        if spec.join:
            return ":".join(f for f in found if f) if found and all(found) else None
        return next((f for f in found if f), None)

    def _literal(self, value: Any, depth: int) -> str | None:
        if not isinstance(value, str) or not value:
            return None
        ref = _REF.match(value.strip())
        if ref:
            target = self.by_plain.get(f"{ref.group(1)}.{ref.group(2)}")
            return self.resolve(target, depth + 1) if target is not None else None
        if type(value) is not str or "${" in value or ("." in value and value.split(".")[0] in ("var", "local")):
            return None  # an expression fixbot does not evaluate
        return value
