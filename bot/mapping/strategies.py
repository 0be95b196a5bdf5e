"""How a finding is tied to the block that defines its resource: one function per way.

A strategy takes (finding, index) and returns a `Match`, a `Miss` (it applied but failed,
with the reason) or None (it does not apply to this finding). Strategies read only the
inventory index: finding fields are untrusted text used as lookup keys, nothing more.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.inventory import plain_address
from bot.inventory.terraform import REQUIRED_PROVIDERS_TYPE
from bot.models.common import ErrorEntry, Level
from bot.models.finding import Finding
from bot.models.resource import IacKind, Inventory, Resource

_INDEX_RE = re.compile(r"\[[^\]]*\]")  # count / for_each instance keys: `x[0]`, `x["a"]`
_MODULE_RE = re.compile(r"^((?:module\.[^.]+\.)+)(.+)$")


@dataclass(frozen=True)
class Match:
    resource: Resource
    strategy: str
    confidence: Level
    detail: str
    identity: str | None = None  # tells apart findings of one rule on one block (two providers of it)


@dataclass(frozen=True)
class Miss:
    reason: str


StrategyResult = Match | Miss | None
Strategy = Callable[[Finding, "MappingIndex"], StrategyResult]


@dataclass
class MappingIndex:
    """Lookups over one inventory, built once per `map_findings` call."""

    inventory: Inventory
    by_plain: dict[str, list[Resource]] = field(default_factory=lambda: defaultdict(list))
    by_file: dict[str, list[Resource]] = field(default_factory=lambda: defaultdict(list))
    failed: dict[str, ErrorEntry] = field(default_factory=dict)
    k8s_by_name: dict[tuple[str, str], list[Resource]] = field(default_factory=lambda: defaultdict(list))
    memo: dict[str, Any] = field(default_factory=dict)  # lookups later strategies build once (bot.mapping.live)

    @classmethod
    def build(cls, inventory: Inventory) -> MappingIndex:
        index = cls(inventory)
        for r in inventory.resources:
            index.by_plain[plain_address(r)].append(r)
            index.by_file[r.file].append(r)
            if r.kind == IacKind.kubernetes:
                index.k8s_by_name[(r.namespace or "default", r.name)].append(r)
        for err in inventory.errors:
            if err.file is not None:
                index.failed.setdefault(err.file, err)
        return index

    def module_dir(self, caller_dir: str | None, name: str) -> str | None:
        """Directory a local `module "name"` block's `source` points at."""
        blocks = [m for m in self.by_plain.get(f"module.{name}", []) if caller_dir in (None, _dir(m))]
        if len(blocks) != 1:
            return None
        source = blocks[0].attributes.get("source")
        if not isinstance(source, str) or not source.startswith(("./", "../")):
            return None
        target = posixpath.normpath(posixpath.join(_dir(blocks[0]), source))
        return None if target.startswith("..") else target


def show(value: str, limit: int = 80) -> str:
    """Untrusted text quoted and cut for use inside a reason."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _dir(r: Resource) -> str:
    return posixpath.dirname(r.file) or "."


def _names(resources: list[Resource]) -> str:
    return ", ".join(f"{r.address} ({r.file}:{r.line.start})" for r in resources[:5])


def by_address(finding: Finding, index: MappingIndex) -> StrategyResult:
    """The scanner's address: `aws_s3_bucket.x`, `x[0]`, `module.m.aws_s3_bucket.x`, `Kind.ns.name`."""
    if not finding.resource:
        return None
    memo: dict[tuple[str, str | None], StrategyResult] = index.memo.setdefault("strategies.by_address", {})
    key = (finding.resource, finding.file)  # all it reads: a resource's findings share the answer
    if key not in memo:
        memo[key] = _by_address(finding.resource, finding.file, index)
    return memo[key]


def _by_address(resource: str, file: str | None, index: MappingIndex) -> StrategyResult:
    address = _INDEX_RE.sub("", resource.strip())
    modules, plain = _split_modules(address)
    candidates = index.by_plain.get(plain) or index.by_plain.get(f"data.{plain}") or []
    if not candidates:
        return Miss(f"no block with address {show(plain)} in the inventory")
    if file:
        in_file = [r for r in candidates if r.file == file]
        if len(in_file) == 1:
            return Match(in_file[0], "address", Level.high, f"address {show(plain)} in {file}")
        if not in_file:
            return Miss(f"address {show(plain)} is defined in {_names(candidates)}, not in the reported file")
    if modules:
        candidates = _in_module(candidates, modules, index) or candidates
    if len(candidates) == 1:
        return Match(candidates[0], "address", Level.high if not modules else Level.medium,
                     f"address {show(address)}")
    return Miss(f"ambiguous address {show(address)}: candidates {_names(candidates)}")


def _split_modules(address: str) -> tuple[list[str], str]:
    found = _MODULE_RE.match(address)
    if found is None:
        return [], address
    return found.group(1).split(".")[1::2], found.group(2)


def _in_module(candidates: list[Resource], modules: list[str], index: MappingIndex) -> list[Resource]:
    """Candidates in the directory the `module.a.module.b` call chain resolves to."""
    directory: str | None = None
    for name in modules:
        directory = index.module_dir(directory, name)
        if directory is None:
            return []
    return [r for r in candidates if _dir(r) == directory]


def by_k8s_identity(finding: Finding, index: MappingIndex) -> StrategyResult:
    """checkov's pod-template ids, `Pod.ns.<workload>.<labels>`, → the workload that defines them."""
    parts = (finding.resource or "").split(".")
    if len(parts) < 4 or not parts[0][:1].isupper():
        return None
    namespace, parent = parts[1], parts[2]
    workloads = [
        r for r in index.k8s_by_name.get((namespace, parent), [])
        if _has_pod_template(r) and (not finding.file or r.file == finding.file)
    ]
    if len(workloads) == 1:
        return Match(workloads[0], "k8s_identity", Level.high, f"pod template of {workloads[0].address}")
    if workloads:
        return Miss(f"pod template id {show(finding.resource or '')} matches {_names(workloads)}")
    return Miss(f"no workload named {show(parent)} in namespace {show(namespace)}")


def _has_pod_template(r: Resource) -> bool:
    spec = r.attributes.get("spec")
    return isinstance(spec, dict) and ("template" in spec or "jobTemplate" in spec)


def by_file_and_line(finding: Finding, index: MappingIndex) -> StrategyResult:
    """The innermost block whose line span contains the reported line (SARIF gives only these)."""
    if not finding.file or finding.line is None or finding.file not in index.by_file:
        return None
    line = finding.line.start
    containing = [r for r in index.by_file[finding.file] if r.line.contains(line)]
    if not containing:
        return Miss(f"no block at line {line} of {finding.file}")
    best = min(containing, key=lambda r: (r.line.end - r.line.start, -r.line.start))
    return Match(best, "file_line", Level.medium, f"{finding.file}:{line} is inside {best.address}")


def by_file_only(finding: Finding, index: MappingIndex) -> StrategyResult:
    """A file that defines exactly one resource, for a finding that names no line."""
    if not finding.file or finding.line is not None or finding.file not in index.by_file:
        return None
    every = index.by_file[finding.file]
    resources = [r for r in every if r.type != REQUIRED_PROVIDERS_TYPE] or every  # settings are not resources
    if len(resources) == 1:
        return Match(resources[0], "file_only", Level.low, f"{finding.file} defines only {resources[0].address}")
    return Miss(f"{finding.file} defines {len(resources)} resources and the finding gives no line")
