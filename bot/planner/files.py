"""The repository's Terraform files as rewriters see them (read lazily, once per planning run),
and the local module calls that tie a module directory to its callers."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from functools import cached_property
from pathlib import Path

from bot.config import RepoConfig
from bot.errors import FixbotError
from bot.models.resource import IacKind, Inventory
from bot.paths import repo_relative
from bot.sourcetext import TextFormat, read_source
from rewriters.base import ModuleCall


def _dir(path: str) -> str:
    return posixpath.dirname(path) or "."


class RepoTexts:
    """`rewriters.base.RepoFiles` over a checkout: regular files inside the repository only,
    no symlinks, nothing over `max_file_bytes`, UTF-8 only (anything else reads as None).
    Read the way `bot.planner.plan` reads a resource's file (keep the two in step)."""

    def __init__(self, root: Path, inventory: Inventory, config: RepoConfig) -> None:
        self.root = root
        self.inventory = inventory
        self.config = config
        self._texts: dict[str, str | None] = {}
        self._formats: dict[str, TextFormat] = {}

    def text(self, path: str) -> str | None:
        """Normalised text (see bot.sourcetext); `format(path)` restores the file's own BOM / line endings."""
        if path not in self._texts:
            self._texts[path] = self._read(path)
        return self._texts[path]

    def format(self, path: str) -> TextFormat:
        return self._formats.get(path, TextFormat())

    def _read(self, path: str) -> str | None:
        try:
            rel = repo_relative(self.root, path, what="module file")
            full = self.root / rel
            if full.is_symlink() or not full.is_file() or full.stat().st_size > self.config.max_file_bytes:
                return None
            src = read_source(full, path)
        except (OSError, FixbotError):  # SourceEncodingError is an InputError
            return None
        self._formats[path] = src.format
        return src.text

    def directory_files(self, directory: str) -> tuple[str, ...]:
        try:
            base = repo_relative(self.root, directory, what="module directory")
        except FixbotError:
            return ()
        prefix = "" if base == "." else f"{base}/"
        return tuple(sorted(f"{prefix}{p.name}" for p in (self.root / base).glob("*.tf") if p.is_file()))

    @cached_property
    def _calls(self) -> dict[str, tuple[ModuleCall, ...]]:
        out: dict[str, list[ModuleCall]] = defaultdict(list)
        for r in self.inventory.resources:
            source = r.attributes.get("source") if r.kind == IacKind.terraform and r.type == "module" else None
            if not isinstance(source, str) or not source.startswith(("./", "../")):
                continue
            target = posixpath.normpath(posixpath.join(_dir(r.file), source))
            if not target.startswith(".."):
                out[target].append(ModuleCall(file=r.file, name=r.name, directory=target))
        return {k: tuple(v) for k, v in out.items()}

    def callers(self, directory: str) -> tuple[ModuleCall, ...]:
        return self._calls.get(posixpath.normpath(directory), ())
