"""The local forge's state: one JSON document under `.git/fixbot/forge.json`.

Every change is a transaction: an exclusive `flock` on `forge.lock`, read, modify, then an
atomic write (temp file + fsync + `os.replace`). A crash leaves either the old or the new
document, never a half-written one. Living inside `.git/`, it is never committed and never
shows up in the user's working tree.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.errors import ForgeError

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


def atomic_write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_json(path: Path, default: Any) -> Any:
    if not path.is_file():
        return default
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ForgeError(f"{path}: unreadable fixbot state: {exc}", hint="restore it from a backup") from exc


class JsonStore:
    """A JSON document guarded by an flock; `transaction()` yields it for modification."""

    def __init__(self, path: Path, default: Callable[[], Any]) -> None:
        self.path = path
        self._default = default
        self._lock = path.with_suffix(".lock")

    def read(self) -> Any:
        with self._locked(fcntl.LOCK_SH):
            return read_json(self.path, self._default())

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self._locked(fcntl.LOCK_EX):
            data = read_json(self.path, self._default())
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
