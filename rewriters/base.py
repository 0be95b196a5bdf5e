"""What a rewriter is: metadata as data plus one pure `apply` function.

A rewriter never touches the disk. It receives the current text of the file that defines
the resource (possibly already edited by an earlier rewriter on the same resource, so it
must re-locate the block by address / document index in `ctx.text`) and returns the new
text, or an `Unfixed` value saying precisely why it cannot.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from pydantic import InstanceOf

from bot.models.common import Frozen, Level
from bot.models.finding import Finding
from bot.models.plan import ChangeFacts, UnfixedCategory, Verification
from bot.models.resource import IacKind, Resource


class Param(Frozen):
    """A value only a human knows (a KMS key, a logging bucket, an admin CIDR)."""

    name: str
    description: str
    default: str | None = None  # None: the fix needs this parameter from `.fixbot.yml`


class ModuleCall(Frozen):
    """A `module "name" { source = "<local dir>" }` block of this repository."""

    file: str  # repo-relative file holding the call
    name: str
    directory: str  # the called module's directory (repo-relative, normalised)


@runtime_checkable
class RepoFiles(Protocol):
    """Read-only view of the repository's Terraform files (for fixes outside the resource's file)."""

    def text(self, path: str) -> str | None: ...

    def directory_files(self, directory: str) -> tuple[str, ...]: ...

    def callers(self, directory: str) -> tuple[ModuleCall, ...]: ...


class RewriteContext(Frozen):
    text: str  # current content of `resource.file`
    resource: Resource  # as inventoried from the original text (spans may be stale after edits)
    findings: tuple[Finding, ...]
    params: dict[str, str]  # resolved: defaults overlaid with `.fixbot.yml` parameters
    aws_provider_major: int | None = None  # from required_providers / .terraform.lock.hcl
    file_texts: dict[str, str] = {}  # other files of the module directory, read-only context
    repo: InstanceOf[RepoFiles] | None = None  # every file, for fixes at a variable's default or a module call
    edited: Mapping[str, str] = {}  # other files as already changed by earlier rewriters on this resource


class Edit(Frozen):
    text: str  # the full new content of `resource.file`
    files: dict[str, str] = {}  # other repo-relative files changed (full new content): a default, a caller
    note: str = ""  # what a reviewer should know beyond the rewriter's metadata (e.g. callers affected)


class Skip(Frozen):
    """The rewriter cannot (or need not) fix this resource; `reason` is shown to users."""

    reason: str
    missing_parameters: tuple[str, ...] = ()
    category: UnfixedCategory | None = None  # None: needs_parameter when parameters are missing, else needs_human


Outcome = Edit | Skip


@dataclass(frozen=True)
class Rewriter:
    id: str
    iac: IacKind
    rule_ids: tuple[str, ...]  # checkov ids first, then Trivy / tfsec / KICS equivalents
    action: str  # policy vocabulary, e.g. "block_public_s3_access"
    title: str
    confidence: Level
    reversible: bool
    rollback_plan: str
    verification: Verification
    review_guidance: str
    references: tuple[str, ...]
    apply: Callable[[RewriteContext], Outcome]
    parameters: tuple[Param, ...] = field(default_factory=tuple)
    resource_types: tuple[str, ...] = ()  # Terraform types / Kubernetes kinds it applies to
    # What the change does, for the policy (network, IAM, deletion, data loss, disruption, restart):
    # required, written here and nowhere else. Keep it the last argument of `Rewriter(...)`.
    facts: ChangeFacts = field(kw_only=True)
