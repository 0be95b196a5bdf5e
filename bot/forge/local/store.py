"""The local forge's state: one JSON document under `.git/fixbot/forge.json`.

Every change is a transaction: an exclusive `flock` on `forge.lock`, read, modify, then an
atomic write (temp file + fsync + `os.replace`). A crash leaves either the old or the new
document, never a half-written one; the previous good generation is kept as `forge.json.bak`
and a damaged document (truncated, not UTF-8, not an object) is recovered from it. Living
inside `.git/`, it is never committed and never shows up in the user's working tree.
"""

from __future__ import annotations

import fcntl
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.errors import ForgeError
from bot.fileio import atomic_write_bytes

log = logging.getLogger(__name__)

SCHEMA = 1


def empty_state() -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "next_pr": 1,
        "next_comment": 1,
        "prs": {},
        "reviews": {},
        "checks": {},
        "comments": {},
        "teams": {},
    }


def backup_path(path: Path) -> Path:
    """The previous good generation of a state document, kept beside it."""
    return path.with_name(path.name + ".bak")


def atomic_write_json(path: Path, data: Any) -> None:
    """Write `data` atomically; the document it replaces, if it parses, becomes `<name>.bak`."""
    try:
        previous = path.read_bytes() if path.is_file() and not path.is_symlink() else None
    except OSError:
        previous = None
    if previous is not None and _decode(previous) is not None:
        atomic_write_bytes(backup_path(path), previous, what="fixbot state backup")
    text = json.dumps(data, indent=1, sort_keys=True)
    atomic_write_bytes(path, text.encode("utf-8"), what="fixbot state")


Check = Callable[[Any], "str | None"]  # why a parsed document is unusable (None: usable)


def _decode(raw: bytes, expect: type | None = None, check: Check | None = None) -> Any:
    """The parsed document, or None when it is not UTF-8 JSON of the expected type and shape."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, ValueError):
        return None
    if expect is not None and not isinstance(data, expect):
        return None
    if check is not None and check(data) is not None:
        return None
    return data


def read_json(path: Path, default: Any, expect: type | None = None, check: Check | None = None) -> Any:
    """The document at `path` (`default` when absent); a damaged one recovers from `.bak`.

    Damaged means: not UTF-8, not JSON, too deeply nested, not of type `expect`, or refused
    by `check`. With no good backup either, a ForgeError names the file.
    """
    if not path.is_file():
        return default
    expect = expect or (type(default) if isinstance(default, (dict, list)) else None)
    for candidate in (path, backup_path(path)):
        try:
            raw = candidate.read_bytes()
        except OSError:
            continue
        data = _decode(raw, expect, check)
        if data is not None:
            if candidate != path:
                log.warning("%s is damaged; recovered the previous generation from %s", path, candidate)
            return data
    raise ForgeError(
        f"{path}: unreadable fixbot state (not UTF-8 JSON {expect.__name__ if expect else ''}) and no usable backup",
        hint=f"move it aside to start from empty state, or restore {backup_path(path).name}",
    )


def _conform(data: dict[str, Any], default: dict[str, Any], path: Path) -> dict[str, Any]:
    """Top-level keys of the default keep their types (a `prs` list instead of a map is damage)."""
    for key, value in default.items():
        if key not in data:
            data[key] = value
        elif isinstance(value, (dict, list)) and not isinstance(data[key], type(value)):
            raise ForgeError(f"{path}: fixbot state key {key!r} is not a {type(value).__name__}",
                             hint=f"move it aside to start from empty state, or restore {backup_path(path).name}")
    return data


class JsonStore:
    """A JSON document guarded by an flock; `transaction()` yields it for modification."""

    def __init__(self, path: Path, default: Callable[[], Any], check: Check | None = None) -> None:
        self.path = path
        self._default = default
        self._check = check
        self._lock = path.with_suffix(".lock")

    def read(self) -> Any:
        with self._locked(fcntl.LOCK_SH):
            return self._load()

    def _load(self) -> Any:
        default = self._default()
        data = read_json(self.path, default, check=self._check)
        return _conform(data, default, self.path) if isinstance(default, dict) else data

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self._locked(fcntl.LOCK_EX):
            data = self._load()
            yield data
            atomic_write_json(self.path, data)

    @contextmanager
    def _locked(self, mode: int) -> Iterator[None]:
        self._lock.parent.mkdir(parents=True, exist_ok=True)
        with open(self._lock, "a+") as fh:
            fcntl.flock(fh.fileno(), mode)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
