"""Temporary repository copies that a crashed run cannot leave behind for good.

Every directory is named `fixbot-<kind>-<pid>-<random>` in the system temp directory and is
removed when its block ends. A run killed before that (kill -9, OOM, power loss) leaves it;
the next run that makes one sweeps every `fixbot-*-<pid>-*` directory of the same user
whose process no longer exists.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

_NAME = re.compile(r"^fixbot-[a-z]+-(\d+)-")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    except OverflowError:
        return False
    return True


def sweep_stale(base: Path | None = None) -> list[Path]:
    """Remove this user's `fixbot-*-<pid>-*` directories whose process is gone; returns them."""
    base = Path(base or tempfile.gettempdir())
    removed: list[Path] = []
    try:
        entries = list(os.scandir(base))
    except OSError:
        return removed
    for entry in entries:
        m = _NAME.match(entry.name)
        if m is None or int(m.group(1)) == os.getpid() or _alive(int(m.group(1))):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid():
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    if removed:
        log.info("removed %d temporary directories left by crashed fixbot runs", len(removed))
    return removed


def make_run_dir(kind: str) -> Path:
    """A new `fixbot-<kind>-<pid>-*` directory (stale ones of dead runs are swept first)."""
    sweep_stale()
    return Path(tempfile.mkdtemp(prefix=f"fixbot-{kind}-{os.getpid()}-"))


@contextmanager
def run_dir(kind: str) -> Iterator[Path]:
    """`make_run_dir(kind)`, removed with everything in it when the block ends."""
    path = make_run_dir(kind)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
