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
import os
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


def atomic_write_json(path: Path, data: Any, *, previous_good: bool | None = None) -> None:
    """Write `data` atomically; the document it replaces becomes `<name>.bak` when it is good.

    `previous_good`: the caller already knows (a transaction that just read it); None: check.
    """
    if previous_good is None:
        try:
            previous_good = path.is_file() and _decode(path.read_bytes()) is not None
        except OSError:
            previous_good = False
    if previous_good and path.is_file() and not path.is_symlink():
        _keep_generation(path)
    text = json.dumps(data, indent=1, sort_keys=True)
    atomic_write_bytes(path, text.encode("utf-8"), what="fixbot state")


def _keep_generation(path: Path) -> None:
    """`path` becomes `<name>.bak` too (a hard link: no copy), atomically replacing the older one."""
    tmp = path.with_name(f".{path.name}.bak.{os.getpid()}")
    try:
        tmp.unlink(missing_ok=True)
        os.link(path, tmp)
        os.replace(tmp, backup_path(path))
    except OSError:
        tmp.unlink(missing_ok=True)
        atomic_write_bytes(backup_path(path), path.read_bytes(), what="fixbot state backup")


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
    return _read(path, default, expect, check)[0]


def _read(path: Path, default: Any, expect: type | None, check: Check | None) -> tuple[Any, bool]:
    """(document, whether it came from `path` itself rather than from its backup)."""
    if not path.is_file():
        return default, False
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
            return data, candidate == path
    raise ForgeError(
        f"{path}: unreadable fixbot state (not UTF-8 JSON {expect.__name__ if expect else ''}) and no usable backup",
        hint=f"move it aside to start from empty state, or restore {backup_path(path).name}",
    )


def _top_level_types(default: dict[str, Any]) -> Check:
    """Top-level keys of the default keep their types (a `prs` list instead of a map is damage)."""
    def check(data: Any) -> str | None:
        for key, value in default.items():
            if key in data and isinstance(value, (dict, list)) and not isinstance(data[key], type(value)):
                return f"key {key!r} is not a {type(value).__name__}"
        return None
    return check


class JsonStore:
    """A JSON document guarded by an flock; `transaction()` yields it for modification."""

    def __init__(self, path: Path, default: Callable[[], Any], check: Check | None = None) -> None:
        self.path = path
        self._default = default
        self._check = check
        self._lock = path.with_suffix(".lock")

    def read(self) -> Any:
        with self._locked(fcntl.LOCK_SH):
            return self._load()[0]

    def _load(self) -> tuple[Any, bool]:
        default = self._default()
        if not isinstance(default, dict):
            return _read(self.path, default, None, self._check)
        shape, extra = _top_level_types(default), self._check

        def check(data: Any) -> str | None:
            return shape(data) or (extra(data) if extra else None)

        data, from_main = _read(self.path, default, dict, check)
        return {**default, **data}, from_main

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self._locked(fcntl.LOCK_EX):
            data, from_main = self._load()
            yield data
            atomic_write_json(self.path, data, previous_good=from_main)

    @contextmanager
    def _locked(self, mode: int) -> Iterator[None]:
        self._lock.parent.mkdir(parents=True, exist_ok=True)
        with open(self._lock, "a+") as fh:
            fcntl.flock(fh.fileno(), mode)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
