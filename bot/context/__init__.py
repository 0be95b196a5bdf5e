"""CONTEXT stage: environment, owners, data classification and criticality of each resource.

Conventions first (tags/labels, directory layout, CODEOWNERS), `.fixbot.yml` to override.
Every value comes with its evidence. Only repository content (default branch) sets context:
a finding's own text never does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import Field

from bot.config import RepoConfig
from bot.context.classification import (
    classification_of,
    config_value_errors,
    criticality_of,
    default_classification,
    default_criticality,
)
from bot.context.codeowners import CodeOwners, OwnerRule, load_codeowners
from bot.context.companions import companion_targets
from bot.context.environment import Found, environment_of
from bot.models.common import ErrorEntry, Frozen
from bot.models.resource import Inventory, Resource

__all__ = ["CodeOwners", "RepoContext", "ResourceContext", "build_context"]


class ResourceContext(Frozen):
    environment: str | None = None
    owners: tuple[str, ...] = ()
    data_classification: str = "internal"
    criticality: str = "medium"  # low | medium | high | critical
    evidence: dict[str, str] = Field(default_factory=dict)  # field name -> where the value came from
    protects: str | None = None  # a companion (bucket ACL, SG rule, ...): the resource it configures


@dataclass(frozen=True)
class RepoContext:
    """Repository-wide context sources; `for_resource` derives one resource's context.

    `for_resource` is memoised per resource object (the graph and the risk stage both ask).
    """

    root: Path
    config: RepoConfig
    codeowners: CodeOwners
    errors: tuple[ErrorEntry, ...] = ()
    companions: dict[str, Resource] = field(default_factory=dict)  # companion address -> what it configures
    _derived: dict[int, tuple[Resource, ResourceContext]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @cached_property
    def _defaults(self) -> tuple[Found, Found]:
        """The config's default classification and criticality, worked out once."""
        return default_classification(self.config), default_criticality(self.config)

    def owners_of(self, path: str) -> tuple[str, ...]:
        return self.codeowners.owners_of(path)

    def owners_by_rule(self, path: str) -> tuple[tuple[str, ...], int | None]:
        return self.codeowners.owners_by_rule(path)

    def for_resource(self, resource: Resource) -> ResourceContext:
        cached = self._derived.get(id(resource))
        if cached is not None and cached[0] is resource:  # holding the resource keeps its id unique
            return cached[1]
        derived = self._derive(resource)
        target = self.companions.get(resource.address)
        if target is not None and target is not resource:
            derived = _follow(derived, target.address, self.for_resource(target))
        self._derived[id(resource)] = (resource, derived)
        return derived

    def _derive(self, resource: Resource) -> ResourceContext:
        evidence: dict[str, str] = {}
        env = environment_of(resource, self.config)
        if env is not None:
            evidence["environment"] = env[1]
        classification = classification_of(resource, self.config, self._defaults[0])
        criticality = criticality_of(resource, self.config, self._defaults[1])
        evidence["data_classification"] = classification[1]
        evidence["criticality"] = criticality[1]
        rule = self.codeowners.rule_for(resource.file)
        evidence["owners"] = self._owners_evidence(rule, resource.file)
        return ResourceContext(
            environment=env[0] if env is not None else None,
            owners=rule.owners if rule is not None else (),
            data_classification=classification[0],
            criticality=criticality[0],
            evidence=evidence,
        )

    def _owners_evidence(self, rule: OwnerRule | None, path: str) -> str:
        source = self.codeowners.source
        if source is None:
            return "no CODEOWNERS file (.github/, root or docs/)"
        if rule is None:
            return f"{source}: no rule matches {path}"
        return rule.describe(source)


_FOLLOWED = ("environment", "data_classification", "criticality")


def _own_tag(evidence: str | None) -> bool:
    return bool(evidence) and str(evidence).startswith("tag ")


def _follow(own: ResourceContext, target: str, theirs: ResourceContext) -> ResourceContext:
    """A companion's context: the configured resource's, except where the companion's own tags
    say otherwise (its tags win, and the evidence says so)."""
    update: dict[str, object] = {"protects": target}
    evidence = dict(own.evidence)
    for name in _FOLLOWED:
        mine, other = getattr(own, name), getattr(theirs, name)
        if _own_tag(own.evidence.get(name)):
            if mine != other:
                evidence[name] = f"{own.evidence[name]} (its own tag wins over {target}'s {other})"
            continue
        update[name] = other
        why = theirs.evidence.get(name) or "its context"
        evidence[name] = f"from {target}, the resource it configures: {why}"
    if theirs.owners and own.owners != theirs.owners:
        update["owners"] = theirs.owners
        evidence["owners"] = f"from {target}, the resource it configures: {theirs.evidence.get('owners', '')}"
    update["evidence"] = evidence
    return own.model_copy(update=update)


def build_context(root: Path, config: RepoConfig, inventory: Inventory) -> RepoContext:
    """Load CODEOWNERS and check the config's context values once per scan."""
    codeowners = load_codeowners(root.resolve())
    errors = (*codeowners.errors, *config_value_errors(config))
    by_address = {r.address: r for r in inventory.resources}
    companions = {c: by_address[t] for c, t in companion_targets(inventory.resources).items()}
    return RepoContext(
        root=root.resolve(), config=config, codeowners=codeowners, errors=errors, companions=companions
    )
