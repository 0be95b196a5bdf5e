"""IaC resources found in the repository inventory."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field

from bot.models.common import ErrorEntry, Frozen, LineSpan


class IacKind(StrEnum):
    terraform = "terraform"
    kubernetes = "kubernetes"


class Resource(Frozen):
    """A Terraform `resource`/`data`/`module` block or a Kubernetes object.

    address: Terraform `aws_s3_bucket.data` (data sources `data.aws_iam_policy_document.x`,
    modules `module.vpc`); Kubernetes `Kind.namespace.name` as checkov spells it
    (namespace `default` when unset). An address defined in several places (two env roots,
    two overlays) is qualified with its directory, `envs/prod:aws_s3_bucket.data`, so it stays
    unique; `bot.inventory.plain_address()` gives the scanner's spelling back.
    """

    address: str
    kind: IacKind
    type: str  # "aws_s3_bucket" / "Deployment"
    name: str
    file: str  # repo-relative POSIX path
    line: LineSpan
    byte_start: int
    byte_end: int
    doc_index: int | None = None  # Kubernetes: index of the document in a multi-doc file
    namespace: str | None = None  # Kubernetes only
    attributes: dict[str, Any] = Field(default_factory=dict)  # parsed, best-effort plain values
    tags: dict[str, str] = Field(default_factory=dict)  # Terraform tags / Kubernetes labels
    annotations: dict[str, str] = Field(default_factory=dict)
    references: tuple[str, ...] = ()  # addresses this block references (Terraform)
    templated: bool = False  # uses for_each/count/dynamic/Helm templating: rewriters stay away


class Inventory(Frozen):
    """Every resource parsed from a repository, plus the per-file errors met on the way."""

    root: str
    resources: tuple[Resource, ...] = ()
    errors: tuple[ErrorEntry, ...] = ()
    files: tuple[str, ...] = ()  # every IaC file considered (repo-relative)

    def by_address(self) -> dict[str, Resource]:
        return {r.address: r for r in self.resources}

    def in_file(self, path: str) -> list[Resource]:
        return [r for r in self.resources if r.file == path]
