"""Versions pinned in a repository, for advisories (OSV) to be evaluated against.

- Terraform modules from a registry with an exact `version = "3.14.0"` (or a GitHub source
  with `?ref=v3.14.0`): the `module` block is the resource;
- Terraform providers as selected in `.terraform.lock.hcl` (`version = "5.31.0"`), and exact
  pins in `required_providers` (`version = "5.31.0"` / `"= 5.31.0"`): findings on them carry
  file and line, and mapping (bot.mapping.providers) ties them to the directory's
  `terraform.required_providers` block;
- container images with a version tag in Kubernetes workloads (`ghcr.io/acme/api:1.42.0`):
  the workload is the resource.

Each pin knows the names an advisory may give its package (registry name, Go module path).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.config import DEFAULT_MAX_FILE_BYTES
from bot.inventory.files import SKIPPED_DIRS, discover
from bot.inventory.kubernetes import looks_like_kubernetes, parse_manifests
from bot.inventory.terraform import parse_terraform
from bot.models.resource import Resource
from bot.versions import is_version

LOCK_FILE = ".terraform.lock.hcl"
_REGISTRY = "registry.terraform.io/"
_LOCK_PROVIDER = re.compile(r'^provider\s+"(?P<name>[^"]+)"\s*\{', re.M)
_LOCK_VERSION = re.compile(r'^\s*version\s*=\s*"(?P<version>[^"]*)"', re.M)
_REQUIRED_BLOCK = re.compile(r"\brequired_providers\s*\{")
_REQUIRED = re.compile(r'source\s*=\s*"(?P<source>[^"]+)"\s*\n?\s*version\s*=\s*"=?\s*(?P<version>[^"<>~!, ]+)"')
_GITHUB_REF = re.compile(r"^(?:git::)?(?:https://|git@)?github\.com[/:](?P<repo>[\w.-]+/[\w.-]+?)(?:\.git)?"
                         r"(?://[^?]*)?\?ref=(?P<ref>[^&]+)$")
_POD_PATHS = (("spec",), ("spec", "template", "spec"), ("spec", "jobTemplate", "spec", "template", "spec"))


@dataclass(frozen=True)
class Pin:
    kind: str  # "module" | "provider" | "image"
    package: str  # as the repository names it: "terraform-aws-modules/vpc/aws", "hashicorp/aws", "ghcr.io/acme/api"
    version: str
    names: frozenset[str]  # lower-cased package names an advisory may use
    file: str
    line: int
    resource: str | None = None  # inventory address of the defining block, when there is one


def _module_names(source: str) -> tuple[str, frozenset[str]] | None:
    github = _GITHUB_REF.match(source)
    if github:
        return github["repo"], frozenset({f"github.com/{github['repo']}".lower(), github["repo"].lower()})
    parts = source.removeprefix(_REGISTRY).split("/")
    if len(parts) != 3 or source.startswith((".", "/")) or ":" in source:
        return None
    ns, name, provider = parts
    go = f"github.com/{ns}/terraform-{provider}-{name}"
    return "/".join(parts), frozenset({"/".join(parts).lower(), _REGISTRY + "/".join(parts).lower(), go.lower()})


_PROVIDER_PART = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def canonical_provider(source: str) -> str | None:
    """`namespace/name` of a provider source (`aws` → `hashicorp/aws`; a registry host is dropped)."""
    parts = source.strip().lower().removeprefix(_REGISTRY).split("/")
    if len(parts) == 1:
        parts = ["hashicorp", parts[0]]
    if len(parts) > 3 or not all(_PROVIDER_PART.match(p) for p in parts[-2:]):
        return None
    return f"{parts[-2]}/{parts[-1]}"


def provider_names(source: str) -> frozenset[str]:
    parts = source.lower().removeprefix(_REGISTRY).split("/")
    if len(parts) == 1:
        parts = ["hashicorp", parts[0]]
    ns, name = parts[-2], parts[-1]
    return frozenset({f"{ns}/{name}", f"{_REGISTRY}{ns}/{name}", f"github.com/{ns}/terraform-provider-{name}"})


def _module_pins(r: Resource) -> Iterator[Pin]:
    source, version = r.attributes.get("source"), r.attributes.get("version")
    if not isinstance(source, str):
        return
    names = _module_names(source)
    github = _GITHUB_REF.match(source)
    pinned = github["ref"] if github else version
    if names and isinstance(pinned, str) and is_version(pinned):
        yield Pin("module", names[0], pinned, names[1], r.file, r.line.start, r.address)


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _braced(text: str, start: int) -> int:
    """The offset just after the `}` closing the `{` at `start` (end of text if unbalanced)."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
    return len(text)


def _required_pins(text: str, rel: str) -> Iterator[Pin]:
    """Exact versions inside `required_providers { ... }` blocks (constraints are not pins)."""
    for block in _REQUIRED_BLOCK.finditer(text):
        yield from _required_entries(text, block.end() - 1, _braced(text, block.end() - 1), rel)


def _required_entries(text: str, start: int, end: int, rel: str) -> Iterator[Pin]:
    for found in _REQUIRED.finditer(text, start, end):
        if is_version(found["version"]):
            yield Pin("provider", found["source"], found["version"], provider_names(found["source"]), rel,
                      _line_of(text, found.start("version")))


def _lock_pins(text: str, rel: str) -> Iterator[Pin]:
    headers = list(_LOCK_PROVIDER.finditer(text))
    for i, header in enumerate(headers):
        end = headers[i + 1].start() if i + 1 < len(headers) else len(text)
        version = _LOCK_VERSION.search(text, header.end(), end)
        if version and is_version(version["version"]):
            source = header["name"].removeprefix(_REGISTRY)
            yield Pin("provider", source, version["version"], provider_names(source), rel,
                      _line_of(text, version.start("version")))


def _dig(obj: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        obj = obj.get(key) if isinstance(obj, dict) else None
    return obj


def image_parts(image: str) -> tuple[str, str] | None:
    """(repository, tag) of `repo[:tag]`; None for digests and untagged images."""
    if "@" in image:
        return None
    repo, _, tag = image.rpartition(":")
    if not repo or "/" in tag:
        return None
    return repo, tag


def _image_names(repo: str) -> frozenset[str]:
    first = repo.split("/", 1)[0]
    if "/" in repo and ("." in first or ":" in first) and first != "docker.io":
        return frozenset({repo.lower()})  # another registry: only its full name
    short = repo.removeprefix("docker.io/").removeprefix("library/")
    return frozenset({repo.lower(), short.lower(), f"docker.io/{short}".lower(), f"docker.io/library/{short}".lower()})


def _image_pins(r: Resource) -> Iterator[Pin]:
    for path in _POD_PATHS:
        spec = _dig(r.attributes, path)
        for key in ("initContainers", "containers"):
            for container in (spec or {}).get(key) or [] if isinstance(spec, dict) else []:
                parts = image_parts(str(container.get("image", ""))) if isinstance(container, dict) else None
                if parts and is_version(parts[1]):
                    yield Pin("image", parts[0], parts[1], _image_names(parts[0]), r.file, r.line.start, r.address)


def _read(root: Path, rel: str) -> str | None:
    try:
        return (root / rel).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _lock_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob(LOCK_FILE)
                  if not set(p.relative_to(root).parts) & SKIPPED_DIRS and p.is_file())


def find_pins(root: Path) -> list[Pin]:
    """Every version pin of the repository at `root` (files that fail to parse are skipped)."""
    root = root.resolve()
    found = discover(root, [], DEFAULT_MAX_FILE_BYTES)
    pins: list[Pin] = []
    for rel in found.terraform:
        text = _read(root, rel)
        if text is not None:
            pins += [p for r in parse_terraform(text.encode(), rel).resources if r.type == "module"
                     for p in _module_pins(r)]
            pins += _required_pins(text, rel)
    for rel in _lock_files(root):
        text = _read(root, rel)
        pins += _lock_pins(text, rel) if text is not None else []
    for rel in found.yaml:
        text = _read(root, rel)
        if text is not None and looks_like_kubernetes(text):
            pins += [p for r in parse_manifests(text, rel).resources for p in _image_pins(r)]
    return pins
