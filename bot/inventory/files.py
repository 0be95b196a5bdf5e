"""Finding the IaC files of a repository: pruned walk, ignore globs, size and symlink guards."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from bot import globs
from bot.models.common import ErrorEntry

SKIPPED_DIRS = frozenset(
    {".git", ".terraform", ".terragrunt-cache", ".external_modules", "node_modules", "__pycache__", ".tox"}
)
TERRAFORM_SUFFIXES = (".tf",)
YAML_SUFFIXES = (".yaml", ".yml")
NEVER_MANIFESTS = (".fixbot.yml", ".github/workflows/", ".gitlab-ci.yml", "docker-compose", "compose.y")


def glob_match(pattern: str, path: str) -> bool:
    """Whether repo-relative POSIX `path` is matched by `pattern` (or lies under what it matches):
    `**` any depth, `*`/`?` within one segment, always anchored at the repository root."""
    text = pattern.strip().lstrip("/").removeprefix("./").rstrip("/")
    return bool(text) and globs.matches("/" + text, path)


@dataclass
class Discovered:
    terraform: list[str] = field(default_factory=list)
    yaml: list[str] = field(default_factory=list)
    errors: list[ErrorEntry] = field(default_factory=list)


def discover(root: Path, ignore: list[str], max_bytes: int) -> Discovered:
    """Repo-relative paths of `.tf` and YAML files under `root`, sorted, with refusals as errors."""
    root = root.resolve()
    found = Discovered()
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        prefix = "" if rel_dir == "." else rel_dir + "/"
        dirnames[:] = sorted(d for d in dirnames if _keep_dir(root, prefix + d, d, ignore, found))
        for name in sorted(filenames):
            rel = prefix + name
            if name.endswith(TERRAFORM_SUFFIXES):
                bucket = found.terraform
            elif name.endswith(YAML_SUFFIXES) and not _never_manifest(rel):
                bucket = found.yaml
            else:
                continue
            if not any(glob_match(p, rel) for p in ignore) and _acceptable(root, rel, max_bytes, found):
                bucket.append(rel)
    return found


def _keep_dir(root: Path, rel: str, name: str, ignore: list[str], found: Discovered) -> bool:
    if name in SKIPPED_DIRS or name.startswith(".venv") or any(glob_match(p, rel) for p in ignore):
        return False
    full = root / rel
    if full.is_symlink() and not _inside(root, full):
        found.errors.append(_path_error(rel))
    return True  # os.walk does not descend into symlinked directories


def _never_manifest(rel: str) -> bool:
    return any(marker in rel if marker.endswith("/") else Path(rel).name.startswith(marker)
               for marker in NEVER_MANIFESTS)


def _acceptable(root: Path, rel: str, max_bytes: int, found: Discovered) -> bool:
    full = root / rel
    if full.is_symlink():
        if not _inside(root, full):
            found.errors.append(_path_error(rel))
        return False  # an in-repo link's target is inventoried under its own path
    try:
        size = full.stat().st_size
    except OSError as exc:
        found.errors.append(ErrorEntry(kind="path", message=f"{rel}: unreadable ({exc.strerror})", file=rel))
        return False
    if size > max_bytes:
        msg = f"{rel}: {size} bytes is over the {max_bytes}-byte cap (max_file_bytes); not parsed"
        found.errors.append(ErrorEntry(kind="size", message=msg, file=rel))
        return False
    return True


def _inside(root: Path, path: Path) -> bool:
    return path.resolve().is_relative_to(root)


def _path_error(rel: str) -> ErrorEntry:
    msg = f"{rel}: symlink resolves outside the repository; not followed"
    return ErrorEntry(kind="path", message=msg, file=rel)
