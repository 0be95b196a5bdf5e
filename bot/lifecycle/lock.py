"""The repository lock: one mutating fixbot run per repository at a time."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.errors import LockedError

DEFAULT_WAIT = 5.0


@contextmanager
def repo_lock(state_dir: Path, *, wait: float = DEFAULT_WAIT, what: str = "fixbot") -> Iterator[None]:
    """Hold an exclusive `flock` on `state_dir/lock`; after `wait` seconds give up with LockedError.

    The kernel releases the lock when the holder dies, so a crashed run never blocks the next.
    """
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / "lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _holder(path)
                    raise LockedError(
                        f"another fixbot run holds the repository lock {path}{holder}",
                        hint="wait for it to finish, then rerun",
                    ) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {what}\n".encode())
        yield
    finally:
        os.close(fd)  # closing releases the flock


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""
    return f" (held by pid {text})" if text else ""
