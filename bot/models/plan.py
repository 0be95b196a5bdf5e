"""What the planner produces: an edit with its metadata, or a reason it cannot."""

from __future__ import annotations

from enum import StrEnum

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
    notes: tuple[str, ...] = ()  # what a reviewer must know, e.g. the callers a module fix affects

    @property
    def changed_files(self) -> tuple[str, ...]:
        return tuple(e.path for e in self.edits)


class UnfixedCategory(StrEnum):
    """Why a finding is left: what a user has to do about it (report `unfixed.category`)."""

    needs_parameter = "needs_parameter"  # a value only a human knows: set it in .fixbot.yml
    needs_human = "needs_human"  # the change needs judgement (shape unknown, heredoc, ...)
    not_in_this_file = "not_in_this_file"  # the value comes from elsewhere (an input, a remote module)
    no_rewriter = "no_rewriter"  # no fix in the catalogue for the rule (or the resource type)
    not_mapped = "not_mapped"  # the finding's resource is not in the repository inventory
    overlaps = "overlaps"  # another planned fix changes the same lines: rerun after applying it
    already_compliant = "already_compliant"  # the source already complies (a stale finding)


class Unfixed(Frozen):
    finding_id: str
    reason: str
    missing_parameters: tuple[str, ...] = ()
    rewriter: str | None = None
    category: UnfixedCategory | None = None  # None only from producers older than the category
