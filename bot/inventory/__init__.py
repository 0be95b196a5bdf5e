"""INVENTORY stage: every Terraform block and Kubernetes object of a repository, with spans.

`build_inventory(root, config)` walks the repository once (see `files.discover`), parses
`.tf` files with tree-sitter-hcl and Kubernetes manifests with ruamel.yaml, and returns a
frozen `Inventory`. A file that cannot be used (malformed, templated, oversized, a symlink
leaving the repository) becomes an `ErrorEntry`; the rest of the repository is still read.

Addresses are what scanners print (`aws_s3_bucket.data`, `Deployment.shop.web`). When the
same address is defined in more than one place (an `envs/dev` and an `envs/prod` root, two
overlays), each copy is qualified with its directory, then its file if still ambiguous:
`envs/prod:aws_s3_bucket.data`. `Resource.name`/`type` stay unqualified; references between
blocks of one directory are resolved to the qualified address.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

from bot.config import RepoConfig
from bot.inventory.files import discover, glob_match
from bot.inventory.kubernetes import k8s_address, looks_like_kubernetes, new_loader, parse_manifests
from bot.inventory.terraform import aws_provider_major, new_parser, parse_terraform
from bot.models.common import ErrorEntry, _replace
from bot.models.resource import IacKind, Inventory, Resource
from bot.sourcetext import SourceEncodingError, read_source

_P = TypeVar("_P")

__all__ = ["aws_provider_major", "build_inventory", "glob_match", "plain_address"]


def build_inventory(root: Path, config: RepoConfig) -> Inventory:
    """Parse every IaC file under `root` into resources and per-file errors."""
    root = root.resolve()
    found = discover(root, list(config.ignore_paths), config.max_file_bytes)
    errors = list(found.errors)
    resources: list[Resource] = []
    files: list[str] = []
    parser = new_parser()
    for rel in found.terraform:
        text = _read(root, rel, errors)
        if text is None:
            continue
        files.append(rel)
        parsed = _guarded(rel, errors, parse_terraform, text.encode("utf-8"), rel, parser)
        if parsed is not None:
            resources.extend(parsed.resources)
            errors.extend(parsed.errors)
    loader = new_loader()
    for rel in found.yaml:
        text = _read(root, rel, errors)
        if text is None or not looks_like_kubernetes(text):
            continue
        files.append(rel)
        manifests = _guarded(rel, errors, parse_manifests, text, rel, loader)
        if manifests is not None:
            resources.extend(manifests.resources)
            errors.extend(manifests.errors)
    return Inventory(
        root=str(root),
        resources=tuple(_unique_addresses(resources)),
        errors=tuple(errors),
        files=tuple(sorted(files)),
    )


def _read(root: Path, rel: str, errors: list[ErrorEntry]) -> str | None:
    """The file's normalised text (BOM stripped, CRLF as LF; see bot.sourcetext), or an error entry."""
    try:
        return read_source(root / rel, rel).text
    except SourceEncodingError as exc:
        errors.append(ErrorEntry(kind="parse", message=str(exc), file=rel))
        return None
    except OSError as exc:
        errors.append(ErrorEntry(kind="path", message=f"{rel}: unreadable ({exc.strerror})", file=rel))
        return None


def _guarded(rel: str, errors: list[ErrorEntry], parse: Callable[..., _P], *args: Any) -> _P | None:
    """One file's parse; nesting too deep to walk, or a value Python cannot hold (a 5,000-digit
    number), becomes that file's error entry, not a crash of the whole scan."""
    try:
        return parse(*args)
    except RecursionError:
        errors.append(ErrorEntry(kind="parse", message=f"{rel}: nested too deeply to read; not inventoried", file=rel))
    except ValueError as exc:
        why = str(exc).split(";")[0][:120]
        errors.append(ErrorEntry(kind="parse", message=f"{rel}: unreadable value ({why}); not inventoried", file=rel))
    return None


def plain_address(resource: Resource) -> str:
    """The address as a scanner prints it, without the disambiguating `dir:` qualifier."""
    if resource.kind == IacKind.kubernetes:
        return k8s_address(resource.attributes) or resource.address
    if resource.type == "module":
        return f"module.{resource.name}"
    data = f"data.{resource.type}.{resource.name}"
    if resource.address == data or resource.address.endswith(":" + data):
        return data
    return f"{resource.type}.{resource.name}"


def _unique_addresses(resources: list[Resource]) -> list[Resource]:
    parent = _ParentDirs()
    keyers: tuple[Callable[[Resource], str], ...] = (
        lambda r: parent(r.file),
        lambda r: r.file,
        lambda r: f"{r.file}#{r.line.start}",
    )
    names = {id(r): r.address for r in resources}
    for keyer in keyers:
        if len({names[id(r)] for r in resources}) == len(resources):
            break  # already unique: the remaining passes would change nothing
        groups: dict[str, list[Resource]] = defaultdict(list)
        for r in resources:
            groups[names[id(r)]].append(r)
        for group in groups.values():
            if len(group) > 1:
                for r in group:
                    names[id(r)] = f"{keyer(r)}:{r.address}"
    if all(names[id(r)] == r.address for r in resources):
        return resources
    return list(_requalify(resources, names, parent))


class _ParentDirs(dict[str, str]):
    """`str(PurePosixPath(file).parent)`, worked out once per file (many blocks share one)."""

    def __call__(self, file: str) -> str:
        found = self.get(file)
        if found is None:
            found = self[file] = str(PurePosixPath(file).parent)
        return found


def _requalify(resources: list[Resource], names: dict[int, str], parent: _ParentDirs) -> Iterable[Resource]:
    by_dir: dict[tuple[str, str], str] = {}
    for r in resources:
        if r.kind == IacKind.terraform:
            by_dir[(parent(r.file), r.address)] = names[id(r)]
    for r in resources:
        directory = parent(r.file)
        refs = tuple(by_dir.get((directory, ref), ref) for ref in r.references)
        if names[id(r)] != r.address or refs != r.references:
            r = _replace(r, {"address": names[id(r)], "references": refs})
        yield r
