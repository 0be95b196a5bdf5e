"""What the planner produces: an edit with its metadata, or a reason it cannot."""

from __future__ import annotations

from pydantic import Field

from bot.models.common import Frozen, Level


class Verification(Frozen):
    rules: tuple[str, ...]  # rules that must pass afterwards (canonical ids)
    provider_check: str  # name of the provider check, e.g. "s3_public_access_blocked"


class ChangeFacts(Frozen):
    """What a fix's change does, as the policy needs to know it: declared once, on the rewriter's
    registration (`Rewriter(..., facts=ChangeFacts(...))`), and read by the policy input as is.

    Every field is required: a rewriter states each fact, judged from what its edit does once
    applied (not from its name or the resource type).
    """

    network: bool  # changes who can reach what: firewall/ingress rules, public endpoints or IPs, ports
    iam: bool  # changes a permission, role, policy or identity
    deletes: bool  # removes a resource (or makes Terraform destroy it without recreating)
    data_loss: bool  # may destroy stored data: forces replacement of a stateful resource, expires data
    disruption: bool  # some clients or workloads stop working, or the service is interrupted, when applied
    restart: bool  # restarts or replaces running instances, pods or nodes when applied


class FileEdit(Frozen):
    path: str  # repo-relative
    before: str | None  # None: file is created
    after: str | None  # None: file is deleted


class Plan(Frozen):
    finding_ids: tuple[str, ...]
    resource: str
    rewriter: str
    action: str
    confidence: Level
    reversible: bool
    rollback_plan: str
    verification: Verification
    parameters: dict[str, str] = Field(default_factory=dict)
    edits: tuple[FileEdit, ...] = ()
    diff: str = ""

    @property
    def changed_files(self) -> tuple[str, ...]:
        return tuple(e.path for e in self.edits)


class Unfixed(Frozen):
    finding_id: str
    reason: str
    missing_parameters: tuple[str, ...] = ()
    rewriter: str | None = None
