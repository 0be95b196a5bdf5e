"""Keep every path an input names inside the repository."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from bot.errors import InputError


def repo_relative(root: Path, raw: str, *, what: str = "path") -> str:
    """Return `raw` as a normalised repo-relative POSIX path, or raise InputError.

    Rejects absolute paths outside `root`, `..` escapes and symlinks that resolve outside.
    Leading `/` (checkov's style, relative to the scan root) and `./` are accepted when the
    result stays inside the repository.
    """
    if not raw or "\x00" in raw:
        raise InputError(f"{what} {raw!r} is empty or contains a NUL byte")
    root_resolved = root.resolve()
    text = raw.replace("\\", "/")
    if text.startswith("file://"):
        text = text[len("file://"):]
    candidate = Path(text)
    if candidate.is_absolute():
        try:
            rel = PurePosixPath(candidate.resolve().relative_to(root_resolved).as_posix())
        except ValueError:
            rel = PurePosixPath(text.lstrip("/"))  # checkov: "/main.tf" is relative to the scan root
    else:
        rel = PurePosixPath(text)
    if ".." in rel.parts:
        raise InputError(f"{what} {raw!r} leaves the repository")
    full = (root_resolved / rel).resolve()
    try:
        inside = full.relative_to(root_resolved)
    except ValueError:
        raise InputError(f"{what} {raw!r} resolves outside the repository (symlink?)") from None
    return inside.as_posix() or "."
