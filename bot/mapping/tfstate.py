"""Terraform state as a mapping source: which block address created which live resource.

Convention (no flag): the output of `terraform show -json` saved in the repository at
`.fixbot/state.json`, or several at `.fixbot/state/*.json` (one per root module). Every
resource in `values.root_module` (and its `child_modules`) contributes its `arn`, `id` and
`self_link` as identifiers of its address. A state address is then found in the inventory;
when several directories define the same address, the directory holding most of that state
file's addresses is the state's root module. Unreadable state files are reported in the
reason of the findings that needed them, never guessed around.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.config import DEFAULT_MAX_FILE_BYTES
from bot.mapping.strategies import MappingIndex, Match, Miss, StrategyResult, show
from bot.models.common import Level
from bot.models.resource import Resource

STATE_FILE = ".fixbot/state.json"
STATE_DIR = ".fixbot/state"
_ID_KEYS = ("arn", "id", "self_link")
_INSTANCE = re.compile(r"\[[^\]]*\]")
_MODULE = re.compile(r"^(?:module\.[^.]+\.)+")


@dataclass
class StateIndex:
    ids: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # identifier → [(state file, address)]
    root_dir: dict[str, str | None] = field(default_factory=dict)  # state file → its root module directory
    problems: list[str] = field(default_factory=list)


def normalise(identifier: str) -> str:
    """One spelling per identifier: GCP `//host/path`, self links and ids → path; Azure ids → lower case."""
    text = identifier.strip()
    if text.startswith("//"):
        text = text[2:].partition("/")[2]
    elif text.startswith("https://www.googleapis.com/"):
        text = re.sub(r"^https://www\.googleapis\.com/[^/]+/v[^/]+/", "", text)
    if text.lower().startswith("/subscriptions/"):
        text = text.lower()
    return text


def _modules(module: dict[str, Any]) -> list[dict[str, Any]]:
    out = [module]
    for child in module.get("child_modules") or []:
        if isinstance(child, dict):
            out += _modules(child)
    return out


def _resources(doc: Any) -> list[tuple[str, dict[str, Any]]]:
    root = doc.get("values", {}).get("root_module") if isinstance(doc, dict) else None
    if not isinstance(root, dict):
        raise ValueError("no values.root_module (expected `terraform show -json` output)")
    return [(r["address"], r.get("values") or {}) for m in _modules(root) for r in m.get("resources") or []
            if isinstance(r, dict) and isinstance(r.get("address"), str) and r.get("mode", "managed") == "managed"]


def plain(address: str) -> str:
    return _MODULE.sub("", _INSTANCE.sub("", address))


def _dir(r: Resource) -> str:
    return posixpath.dirname(r.file) or "."


def _agrees(r: Resource, values: dict[str, Any]) -> bool:
    """The block's literal string attributes agree with the state's values (at least one shared)."""
    shared = [k for k, v in r.attributes.items() if isinstance(v, str) and isinstance(values.get(k), str)]
    return bool(shared) and all(r.attributes[k] == values[k] for k in shared)


def _root_dir(found: list[tuple[str, dict[str, Any]]], index: MappingIndex) -> str | None:
    """The directory whose blocks are this state's: most addresses present, then most literal agreement."""
    votes: dict[str, tuple[int, int]] = {}
    for address, values in found:
        for r in index.by_plain.get(plain(address), []):
            present, agreeing = votes.get(_dir(r), (0, 0))
            votes[_dir(r)] = (present + 1, agreeing + int(_agrees(r, values)))
    ranked = sorted(votes.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _files(root: Path) -> list[Path]:
    single = root / STATE_FILE
    many = sorted((root / STATE_DIR).glob("*.json")) if (root / STATE_DIR).is_dir() else []
    return ([single] if single.is_file() else []) + many


def _load(path: Path, name: str, index: MappingIndex, state: StateIndex) -> None:
    try:
        if path.stat().st_size > DEFAULT_MAX_FILE_BYTES:
            raise ValueError(f"above the {DEFAULT_MAX_FILE_BYTES}-byte limit")
        found = _resources(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, AttributeError) as exc:
        state.problems.append(f"state file {name} unusable: {str(exc)[:120]}")
        return
    state.root_dir[name] = _root_dir(found, index)
    for address, values in found:
        for key in _ID_KEYS:
            value = values.get(key)
            if isinstance(value, str) and value:
                state.ids.setdefault(normalise(value), []).append((name, address))


def state_index(index: MappingIndex) -> StateIndex:
    """The state files of the inventory's repository, loaded once per mapping run."""
    got = index.memo.get("tfstate")
    if isinstance(got, StateIndex):
        return got
    state = StateIndex()
    root = Path(index.inventory.root)
    for path in _files(root):
        _load(path, path.relative_to(root).as_posix(), index, state)
    index.memo["tfstate"] = state
    return state


def state_lookup(asset: str, index: MappingIndex) -> StrategyResult:
    """The block whose state entry records `asset`; None when there is no state to ask."""
    state = state_index(index)
    if not state.ids and not state.problems:
        return None
    entries = state.ids.get(normalise(asset), [])
    if not entries:
        problems = "; ".join(state.problems)
        return Miss(f"not in the Terraform state{': ' + problems if problems else ''}")
    blocks: list[Resource] = []
    for name, address in entries:
        candidates = index.by_plain.get(plain(address), [])
        root = state.root_dir.get(name)
        in_root = [r for r in candidates if root is not None and _dir(r) == root]
        blocks += [r for r in (in_root if in_root else candidates) if r not in blocks]
    addresses = ", ".join(sorted({a for _, a in entries}))
    if len(blocks) == 1:
        return Match(blocks[0], "tfstate", Level.high, f"state records {show(asset)} for {addresses}")
    if not blocks:
        return Miss(f"state address {show(addresses)} is not in the inventory")
    return Miss(f"ambiguous: state address {show(addresses)} matches " +
                ", ".join(f"{r.address} ({r.file})" for r in blocks[:5]))
