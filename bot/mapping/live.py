"""Strategies for findings about LIVE resources (cloud posture and runtime sources).

A cloud finding names the deployed resource (`Finding.asset`: an ARN, a GCP resource name,
an Azure id, `k8s:ns/Kind/name`) and sometimes its name and tags (`Finding.asset_hints`).
Each strategy finds the block that created it in one way, and says how sure it is:

- `by_state`: the Terraform state (`.fixbot/state.json`, see bot.mapping.tfstate) records the
  identifier for a block address — exact, high confidence;
- `by_owned_tag`: a `fixbot_id` or `yor_trace` tag on the live resource equals the block's tag;
- `by_arn` / `by_gcp_name` / `by_azure_id`: the identifier's name equals a literal attribute
  (`bucket = "…"`, `name = "…"`), or, for opaque ids (`sg-…`), the source's name hint or `Name`
  tag does; `bucket_prefix`/`name_prefix` blocks are never guessed;
- `by_k8s_workload`: a pod name resolves to the workload that owns it (`web-7d4b9c-xk2p` →
  Deployment `web`) by the controllers' naming conventions, or by its `app` label.

Two candidates are a `Miss` naming both: never a silent guess.
"""

from __future__ import annotations

import re
from collections import defaultdict

from bot.live_ids import LiveId, Target, parse
from bot.mapping.strategies import MappingIndex, Match, Miss, StrategyResult, show
from bot.mapping.tfstate import state_lookup
from bot.models.common import Level
from bot.models.finding import Finding
from bot.models.resource import IacKind, Resource

OWNED_TAGS = ("fixbot_id", "yor_trace")
_PREFIX_ATTRS = ("bucket_prefix", "name_prefix")
_APP_LABELS = ("app.kubernetes.io/name", "app")
_REFERENCE = re.compile(r"^(?:var|local|module|data|[a-z0-9]+_[a-z0-9_]+)\.[\w-]+")
_GROUP_REF = re.compile(r"^azurerm_resource_group\.(?P<name>[\w-]+)\.name$")
# pod name → (owner kind, owner name) by the controllers' naming conventions
_POD_OWNERS = (
    (re.compile(r"^(?P<owner>.+)-\d{8,}-[a-z0-9]{5}$"), "CronJob"),
    (re.compile(r"^(?P<owner>.+)-[a-z0-9]{5,10}-[a-z0-9]{4,5}$"), "Deployment"),
    (re.compile(r"^(?P<owner>.+)-\d+$"), "StatefulSet"),
    (re.compile(r"^(?P<owner>.+)-[a-z0-9]{5}$"), "DaemonSet"),
    (re.compile(r"^(?P<owner>.+)-[a-z0-9]{5}$"), "Job"),
)


def _names(resources: list[Resource]) -> str:
    return ", ".join(f"{r.address} ({r.file}:{r.line.start})" for r in resources[:5])


def _by_type(index: MappingIndex) -> dict[str, list[Resource]]:
    got = index.memo.get("live.by_type")
    if got is None:
        got = defaultdict(list)
        for r in index.inventory.resources:
            got[r.type].append(r)
        index.memo["live.by_type"] = got
    return got


def _by_owned_tag(index: MappingIndex) -> dict[tuple[str, str], list[Resource]]:
    got = index.memo.get("live.by_owned_tag")
    if got is None:
        got = defaultdict(list)
        for r in index.inventory.resources:
            for key in OWNED_TAGS:
                if key in r.tags:
                    got[(key, r.tags[key])].append(r)
        index.memo["live.by_owned_tag"] = got
    return got


def _live(finding: Finding, family: str) -> LiveId | None:
    live = parse(finding.asset) if finding.asset and not finding.resource and not finding.file else None
    return live if live is not None and live.family == family else None


def _equal(value: object, name: str, fold: bool) -> bool:
    return isinstance(value, str) and (value.lower() == name.lower() if fold else value == name)


def _group_name(value: object, index: MappingIndex) -> str | None:
    """A block's resource group: a literal, or the literal name of the `azurerm_resource_group` it
    references; None when it cannot be known (a variable, an expression)."""
    if not isinstance(value, str):
        return None
    ref = _GROUP_REF.match(value)
    if ref is None:
        return None if _REFERENCE.match(value) or "${" in value else value
    groups = index.by_plain.get(f"azurerm_resource_group.{ref['name']}", [])
    name = groups[0].attributes.get("name") if len(groups) == 1 else None
    return name if isinstance(name, str) and not _REFERENCE.match(name) else None


def _in_scope(r: Resource, live: LiveId, index: MappingIndex) -> bool:
    """Azure: a block whose resource group is known must be in the id's group."""
    if live.family != "azure" or not live.scope:
        return True
    group = _group_name(r.attributes.get("resource_group_name"), index)
    return group is None or group.lower() == live.scope.lower()


def _named(pool: list[Resource], target: Target, name: str, live: LiveId, index: MappingIndex) -> list[Resource]:
    fold = live.family == "azure"
    return [r for r in pool if _in_scope(r, live, index) and (
        any(_equal(r.attributes.get(a), name, fold) for a in target.attrs) or _equal(r.tags.get("Name"), name, fold))]


def _lookup_names(finding: Finding, live: LiveId) -> list[tuple[str, Level, str]]:
    """(name, confidence, how) to try: the identifier's own name first, then the source's hints."""
    out = [(live.name, Level.high, "identifier")] if live.name else []
    hints = finding.asset_hints
    if hints and hints.name:
        out.append((hints.name, Level.medium, "the source's resource name"))
    if hints and hints.tags.get("Name"):
        out.append((hints.tags["Name"], Level.medium, "the live resource's Name tag"))
    return out


def resolve(finding: Finding, index: MappingIndex, live: LiveId, strategy: str) -> StrategyResult:
    """The one block of the identifier's IaC types whose literal name matches, or why not."""
    asset = show(finding.asset or "")
    if live.target is None:
        return Miss(f"{live.family} resource kind {show(live.kind)} has no known IaC type")
    types = _by_type(index)
    pool = [r for t in live.target.types for r in types.get(t, [])]
    kinds = "/".join(live.target.types)
    if not pool:
        return Miss(f"no {kinds} block in the inventory")
    tried: list[str] = []
    for name, confidence, how in _lookup_names(finding, live):
        found = _named(pool, live.target, name, live, index)
        if len(found) == 1:
            return Match(found[0], strategy, confidence, f"{kinds} named {show(name)} ({how} of {asset})")
        if found:
            return Miss(f"ambiguous: name {show(name)} matches {_names(found)}")
        tried.append(show(name))
    prefixed = [r for r in pool if any(isinstance(r.attributes.get(a), str) for a in _PREFIX_ATTRS)]
    if prefixed:
        return Miss(f"{_names(prefixed)} use a name prefix, which is not matched by name "
                    "(tag the block with fixbot_id, or provide .fixbot/state.json)")
    if not tried:
        return Miss("the identifier holds an id, not a name, and the source gave no name or Name tag")
    return Miss(f"no {kinds} block is named {' or '.join(tried)}")


def by_arn(finding: Finding, index: MappingIndex) -> StrategyResult:
    """`arn:aws:s3:::bucket` → `aws_s3_bucket` with `bucket = "bucket"`, IAM by name, SG by name/tag."""
    live = _live(finding, "arn")
    return resolve(finding, index, live, "arn") if live else None


def by_gcp_name(finding: Finding, index: MappingIndex) -> StrategyResult:
    """`//storage.googleapis.com/projects/_/buckets/B` → `google_storage_bucket` named B, etc."""
    live = _live(finding, "gcp")
    return resolve(finding, index, live, "gcp_name") if live else None


def by_azure_id(finding: Finding, index: MappingIndex) -> StrategyResult:
    """`/subscriptions/…/resourceGroups/RG/providers/Microsoft.Storage/storageAccounts/N` → block named N."""
    live = _live(finding, "azure")
    return resolve(finding, index, live, "azure_id") if live else None


def by_owned_tag(finding: Finding, index: MappingIndex) -> StrategyResult:
    """The live resource's `fixbot_id` / `yor_trace` tag equals exactly one block's tag."""
    tags = finding.asset_hints.tags if finding.asset_hints and not finding.resource else {}
    for key in OWNED_TAGS:
        value = tags.get(key)
        if not value:
            continue
        found = _by_owned_tag(index).get((key, value), [])
        if len(found) == 1:
            return Match(found[0], "owned_tag", Level.high, f"tag {key}={show(value)}")
        if found:
            return Miss(f"ambiguous: tag {key}={show(value)} is on {_names(found)}")
        return Miss(f"no block carries tag {key}={show(value)}")
    return None


def by_state(finding: Finding, index: MappingIndex) -> StrategyResult:
    """The identifier as recorded in the Terraform state file → that state address's block."""
    if not finding.asset or finding.resource or finding.file:
        return None
    return state_lookup(finding.asset, index)


def _owners(kind: str, name: str) -> list[tuple[str, str]]:
    """(kind, name) of the objects that may define a pod/workload called `name`."""
    if kind != "Pod":
        return [(kind, name)]
    out = [("Pod", name)]
    out += [(owner, m["owner"]) for pattern, owner in _POD_OWNERS if (m := pattern.match(name))]
    return out


def _by_label(finding: Finding, index: MappingIndex, namespace: str) -> list[Resource]:
    labels = finding.asset_hints.tags if finding.asset_hints else {}
    for key in _APP_LABELS:
        if labels.get(key):
            return [r for r in index.inventory.resources if r.kind == IacKind.kubernetes and r.type != "Pod"
                    and (r.namespace or "default") == namespace and r.tags.get(key) == labels[key]]
    return []


def by_k8s_workload(finding: Finding, index: MappingIndex) -> StrategyResult:
    """`k8s:ns/Pod/web-7d4b9c-xk2p` → Deployment `web` in `ns` (naming convention, then `app` label)."""
    live = _live(finding, "k8s")
    if live is None or not live.name:
        return None
    namespace = live.scope or "default"
    found: list[Resource] = []
    for kind, name in _owners(live.kind, live.name):
        found += [r for r in index.k8s_by_name.get((namespace, name), []) if r.type == kind and r not in found]
    how, confidence = "owner naming convention", Level.medium
    if not found:
        found, how = _by_label(finding, index, namespace), "app label"
    if len(found) == 1:
        exact = found[0].type == live.kind and found[0].name == live.name
        return Match(found[0], "k8s_workload", Level.high if exact else confidence,
                     f"{live.kind} {show(live.name)} in {show(namespace)} → {found[0].address} ({how})")
    if found:
        return Miss(f"ambiguous: {live.kind} {show(live.name)} may belong to {_names(found)}")
    return Miss(f"no workload in namespace {show(namespace)} owns {live.kind} {show(live.name)}")
