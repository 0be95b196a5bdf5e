"""Provider pins → the `required_providers` block that requires the provider.

An OSV advisory on a provider is reported where the version is pinned: the version selected
in `.terraform.lock.hcl`, or an exact pin inside `required_providers`. A lock file belongs to
the root module of its directory, so the finding maps to the `terraform.required_providers`
resource (bot.inventory.terraform) of that directory whose entry has the provider's source;
an exact pin maps to the block of its own file. The provider name is the match's `identity`,
so advisories on two providers of one block stay two findings.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from typing import Any

from bot.ingest.osv import RULES
from bot.inventory.hcl_values import Expression
from bot.inventory.pins import LOCK_FILE, canonical_provider
from bot.inventory.terraform import REQUIRED_PROVIDERS_TYPE
from bot.mapping.strategies import MappingIndex, Match, Miss, StrategyResult, show
from bot.models.common import Level
from bot.models.finding import Finding
from bot.models.resource import Resource

PROVIDER_RULE = RULES["provider"]


def _blocks_by_dir(index: MappingIndex) -> dict[str, list[Resource]]:
    got: dict[str, list[Resource]] | None = index.memo.get("providers.by_dir")
    if got is None:
        got = defaultdict(list)
        for r in index.inventory.resources:
            if r.type == REQUIRED_PROVIDERS_TYPE:
                got[posixpath.dirname(r.file) or "."].append(r)
        index.memo["providers.by_dir"] = got
    return got


def entry_source(name: str, entry: Any) -> str | None:
    """Canonical `namespace/name` of a `required_providers` entry (`aws = {...}` or legacy `aws = "~> 5.0"`)."""
    if isinstance(entry, dict) and "source" in entry:
        source = entry["source"]
        return canonical_provider(source) if isinstance(source, str) and not isinstance(source, Expression) else None
    return canonical_provider(name) if isinstance(entry, dict | str) else None


def _entries(blocks: list[Resource], provider: str) -> list[tuple[Resource, str]]:
    return [(r, name) for r in blocks for name, entry in r.attributes.items() if entry_source(name, entry) == provider]


def by_provider_pin(finding: Finding, index: MappingIndex) -> StrategyResult:
    """A vulnerable provider pin (lock file or exact `required_providers` pin) → its `required_providers` block."""
    if finding.rule_id != PROVIDER_RULE or finding.resource or not finding.file or finding.upgrade is None:
        return None
    provider = canonical_provider(finding.upgrade.package)
    if provider is None:
        return Miss(f"{show(finding.upgrade.package)} is not a provider source (namespace/name)")
    directory = posixpath.dirname(finding.file) or "."
    lock = posixpath.basename(finding.file) == LOCK_FILE
    blocks = [r for r in _blocks_by_dir(index).get(directory, []) if lock or r.file == finding.file]
    found = _entries(blocks, provider)
    where = f"the root module {directory}" if lock else finding.file
    if not found:
        return Miss(f"provider {show(provider)} pinned in {finding.file} has no required_providers entry in {where}")
    if len(found) > 1:
        names = ", ".join(f"{r.file}:{r.line.start}" for r, _ in found[:5])
        return Miss(f"provider {show(provider)} is required by several blocks in {where}: {names}")
    block, name = found[0]
    how = "selected in" if lock else "pinned in"
    detail = f"provider {provider} {how} {finding.file} is required as `{name}` in {block.file}:{block.line.start}"
    return Match(block, "provider_pin", Level.high, detail, identity=provider)
