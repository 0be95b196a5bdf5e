"""The policy's input document: a versioned model built in ONE place from authoritative sources.

Where each fact comes from (never from a finding's title, tags, raw record or resource name,
and never from the plan's own text):
- the action and what it does: the fix catalogue entry of the plan's rewriter id, whose
  `facts` (`ChangeFacts`: network, IAM, deletion, data loss, disruption, restart) are declared on
  the rewriter's registration and copied here as they are, never guessed from names;
- environment, owners, data classification, criticality: the repository context (default-branch
  `.fixbot.yml`, CODEOWNERS, tags in the code) for the inventoried resource;
- blast radius and internet exposure: the security graph;
- approvals and checks: the forge.
The input deliberately carries no free text: no title, no resource address or name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, Protocol

from bot.graph.ports import ContextLike
from bot.models.common import Frozen, Level
from bot.models.plan import ChangeFacts, Plan, Verification
from bot.models.report import Assessment
from bot.models.resource import Inventory, Resource
from bot.models.risk import BlastRadius

INPUT_VERSION: Literal[1] = 1
OPEN_TICKET = "open_ticket"
UNKNOWN_ACTION = "unknown"
UNKNOWN = "unknown"

BlastLevel = Literal["low", "medium", "high"]
SecretScope = Literal["single_service", "multi_service"]

# A ticket changes nothing.
NO_CHANGE = ChangeFacts(network=False, iam=False, deletes=False, data_loss=False, disruption=False, restart=False)
# Nothing vouches for an uncatalogued plan (denied as `unknown_action`): assume every effect but
# deletion, which would add a false `delete_in_prod` reason (a plan deleting a file still counts).
UNKNOWN_CHANGE = ChangeFacts(network=True, iam=True, deletes=False, data_loss=True, disruption=True, restart=True)

# Resource types holding a secret (a resource-type table, for `secret_scope`).
SECRET_TYPES = frozenset(
    {
        "aws_secretsmanager_secret",
        "aws_ssm_parameter",
        "aws_iam_access_key",
        "google_secret_manager_secret",
        "azurerm_key_vault_secret",
        "Secret",
    }
)


class ForgeFacts(Frozen):
    """What the forge knows about the change's pull request (defaults: no PR yet)."""

    approvals: int = 0
    approved_by_owner: bool = False
    checks_passed: bool | None = None  # None: no checks reported yet


class PolicyInput(Frozen):
    """One item of `input.items` (see policies/decision.rego)."""

    input_version: Literal[1] = INPUT_VERSION
    resource_type: str | None
    action: str
    catalogued: bool
    confidence: Level
    reversible: bool
    rollback_available: bool
    verification_available: bool
    live_verification: bool | None = None  # a live provider (AWS / Kubernetes) has the check; None: not asked
    changes_iam: bool
    changes_network: bool
    deletes_resource: bool
    # Defaults only so `fixbot policy eval` inputs written before these facts still load; the
    # builder always sets them from the rewriter's `ChangeFacts`.
    data_loss_risk: bool = False
    service_disruption: bool = False
    needs_restart: bool = False
    secret_scope: SecretScope | None = None
    environment: str
    owners: tuple[str, ...] = ()
    data_classification: str
    criticality: str
    blast_radius: BlastLevel
    internet_exposed: bool
    forge: ForgeFacts = ForgeFacts()


class PolicyBatch(Frozen):
    """The whole input document: one query evaluates every item."""

    input_version: Literal[1] = INPUT_VERSION
    items: tuple[PolicyInput, ...]


class GraphLike(Protocol):
    def exposure(self, address: str) -> tuple[bool, tuple[str, ...]]: ...
    def attack_path(self, address: str) -> tuple[str, ...]: ...
    def blast_radius(self, address: str) -> BlastRadius: ...


class _Catalogued(Frozen):
    action: str
    catalogued: bool
    confidence: Level
    reversible: bool
    rollback_available: bool
    verification_available: bool
    change: ChangeFacts


class CatalogueEntry(Protocol):
    """What the policy input reads of a fix catalogue entry (a `rewriters.base.Rewriter`).

    The catalogue is passed in by the caller (bot.chain): the policy layer imports no rewriter.
    """

    @property
    def id(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def confidence(self) -> Level: ...
    @property
    def reversible(self) -> bool: ...
    @property
    def rollback_plan(self) -> str: ...
    @property
    def verification(self) -> Verification: ...
    @property
    def facts(self) -> ChangeFacts: ...


def catalogue_index(catalogue: Iterable[CatalogueEntry]) -> dict[str, CatalogueEntry]:
    return {rw.id: rw for rw in catalogue}


def _catalogue_facts(rewriter_id: str | None, catalogue: Mapping[str, CatalogueEntry]) -> _Catalogued:
    if rewriter_id is None:  # no plan: the finding becomes a ticket with a fix recommendation
        return _Catalogued(
            action=OPEN_TICKET, catalogued=True, confidence=Level.high, reversible=True,
            rollback_available=True, verification_available=False, change=NO_CHANGE,
        )  # fmt: skip
    rw = catalogue.get(rewriter_id)
    if rw is None:  # fail closed: nothing vouches for this plan
        return _Catalogued(
            action=UNKNOWN_ACTION, catalogued=False, confidence=Level.unknown, reversible=False,
            rollback_available=False, verification_available=False, change=UNKNOWN_CHANGE,
        )  # fmt: skip
    return _Catalogued(
        action=rw.action,
        catalogued=True,
        confidence=rw.confidence,
        reversible=rw.reversible,
        rollback_available=bool(rw.rollback_plan.strip()),
        verification_available=bool(rw.verification.rules or rw.verification.provider_check),
        change=rw.facts,
    )


def _removes_file(plan: Plan | None) -> bool:
    """The plan deletes a whole file (structure of the plan, not its text)."""
    return plan is not None and any(e.after is None for e in plan.edits)


def _secret_scope(resource_type: str | None, consumers: Iterable[str]) -> SecretScope | None:
    """For a secret: one consumer (or none) is single-service; more is multi-service."""
    if resource_type not in SECRET_TYPES:
        return None
    return "single_service" if len(set(consumers)) <= 1 else "multi_service"


LiveChecks = Callable[[str, str], bool]  # (provider check, resource type) -> a live provider can run it


@dataclass(frozen=True)
class InputBuilder:
    """Builds `PolicyInput`s for the assessments of one scan."""

    inventory: Inventory
    context: ContextLike
    graph: GraphLike
    catalogue: Mapping[str, CatalogueEntry]
    forge: ForgeFacts = field(default_factory=ForgeFacts)
    live_checks: LiveChecks | None = None  # passed in by the caller (bot.chain), like the catalogue

    @cached_property
    def _resources(self) -> dict[str, Resource]:
        return self.inventory.by_address()

    @cached_property
    def _consumers(self) -> dict[str, set[str]]:
        """address → the resources whose code references it (who uses a secret)."""
        out: dict[str, set[str]] = defaultdict(set)
        for r in self.inventory.resources:
            for ref in r.references:
                out[ref].add(r.address)
        return out

    def build(self, assessment: Assessment) -> PolicyInput:
        plan = assessment.plan
        address = plan.resource if plan is not None else assessment.finding.resource
        resource = self._resources.get(address) if address else None
        facts = _catalogue_facts(plan.rewriter if plan is not None else None, self.catalogue)
        rtype = resource.type if resource is not None else None
        change = facts.change
        return PolicyInput(
            resource_type=rtype,
            **facts.model_dump(exclude={"change"}),
            changes_iam=change.iam,
            changes_network=change.network,
            deletes_resource=change.deletes or _removes_file(plan),
            data_loss_risk=change.data_loss,
            service_disruption=change.disruption,
            needs_restart=change.restart,
            live_verification=self._live(plan.rewriter if plan else None, rtype),
            secret_scope=_secret_scope(rtype, self._consumers.get(address or "", ())),
            **self._context_facts(resource),
            **self._graph_facts(address),
            forge=self.forge,
        )

    def _live(self, rewriter_id: str | None, rtype: str | None) -> bool | None:
        if self.live_checks is None:
            return None
        rw = self.catalogue.get(rewriter_id) if rewriter_id else None
        return rw is not None and rtype is not None and self.live_checks(rw.verification.provider_check, rtype)

    def _context_facts(self, resource: Resource | None) -> dict[str, object]:
        if resource is None:  # not inventoried: nothing authoritative is known
            return {"environment": UNKNOWN, "owners": (), "data_classification": UNKNOWN, "criticality": UNKNOWN}
        ctx = self.context.for_resource(resource)
        return {
            "environment": (ctx.environment or UNKNOWN).lower(),
            "owners": tuple(sorted(set(ctx.owners))),
            "data_classification": ctx.data_classification or UNKNOWN,
            "criticality": ctx.criticality or UNKNOWN,
        }

    def _graph_facts(self, address: str | None) -> dict[str, object]:
        if not address:
            return {"blast_radius": "low", "internet_exposed": False}
        exposed, _why = self.graph.exposure(address)
        level = self.graph.blast_radius(address).level
        return {
            "blast_radius": level if level in ("low", "medium", "high") else "high",  # unknown level: worst
            "internet_exposed": exposed or bool(self.graph.attack_path(address)),
        }
