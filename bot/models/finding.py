"""The one normalised `Finding` schema every source is turned into."""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import Field

from bot.models.common import Frozen, Level, LineSpan, Severity


class SourceRef(Frozen):
    """Where a finding came from, for traceability (never used for decisions)."""

    source: str  # "checkov", "sarif", "asff", ...
    tool: str  # the producing tool's name, e.g. "checkov", "trivy", "kics"
    rule_id: str  # the rule id as that tool spells it
    input: str | None = None  # the findings file, or "checkov-run"
    pointer: str | None = None  # where in that input (JSON pointer / index)
    raw: dict[str, Any] = Field(default_factory=dict)  # small excerpt of the raw record


class AssetHints(Frozen):
    """What a cloud or runtime source says about the live resource besides its identifier.

    Untrusted text, used only as lookup keys by the mapping stage (never for decisions).
    """

    type: str | None = None  # the source's resource type: "AwsEc2SecurityGroup", "Pod", ...
    name: str | None = None  # a name the source gives next to an id (e.g. a security group's GroupName)
    namespace: str | None = None  # Kubernetes namespace, Azure resource group, GCP project
    tags: dict[str, str] = Field(default_factory=dict)  # tags / labels as the source reports them


class VersionUpgrade(Frozen):
    """A pinned version an advisory affects, and the first version that fixes it (OSV findings).

    Both versions are checked against a strict pattern, so a rewriter may write `fixed` back
    into a file; `package` is display text only.
    """

    package: str
    current: str = Field(pattern=r"^v?\d+(\.\d+){0,3}(-[0-9A-Za-z.-]{1,40})?(\+[0-9A-Za-z.-]{1,40})?$", max_length=64)
    fixed: str | None = Field(default=None, max_length=64,
                              pattern=r"^v?\d+(\.\d+){0,3}(-[0-9A-Za-z.-]{1,40})?(\+[0-9A-Za-z.-]{1,40})?$")


class MappingNote(Frozen):
    """How the mapping stage tied a finding to its IaC block, and how sure it is."""

    strategy: str  # "address", "arn", "tfstate", "owned_tag", ...
    confidence: Level
    detail: str


class Finding(Frozen):
    """A normalised security finding.

    `id` is a fingerprint of (canonical rule, resource) — or (canonical rule, file, line)
    while the resource is unknown — so it is stable across runs and across scanners that
    report the same rule on the same resource. Every text field is untrusted input.
    """

    id: str
    source: str
    rule_id: str  # canonical rule id (see bot.rules)
    title: str
    severity: Severity = Severity.medium
    resource: str | None = None  # IaC address: "aws_s3_bucket.data" or "Deployment.default.web"
    asset: str | None = None  # live identifier reported by the source (ARN, SCC name, ...)
    file: str | None = None  # repo-relative POSIX path
    line: LineSpan | None = None
    environment: str | None = None
    owners: tuple[str, ...] = ()
    data_classification: str | None = None
    internet_exposed: bool | None = None
    exploitability: Level = Level.unknown
    sources: tuple[SourceRef, ...] = ()
    asset_hints: AssetHints | None = None  # cloud/runtime sources: names and tags of the live resource
    mapping: MappingNote | None = None  # set by the mapping stage
    upgrade: VersionUpgrade | None = None  # OSV: the vulnerable pin and its fixed version

    @property
    def primary_source(self) -> SourceRef | None:
        return self.sources[0] if self.sources else None


def fingerprint(rule_id: str, resource: str | None, file: str | None, line: int | None) -> str:
    """Stable 16-hex id of a finding from its canonical rule and its resource (or location)."""
    anchor = f"res:{resource}" if resource else f"loc:{file or ''}:{line or 0}"
    digest = hashlib.sha256(f"{rule_id}\x00{anchor}".encode()).hexdigest()
    return digest[:16]
