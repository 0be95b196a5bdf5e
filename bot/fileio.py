"""The one atomic writer: temp file beside the target + fsync + `os.replace`.

A crash leaves the old or the new content, never a half-written file. Only a regular file
(or a path that does not exist yet) is ever replaced: a symlink, FIFO, device, socket or
directory at the path is refused with an `InputError` naming it (exit 2), so `--output
/dev/full` or a symlink planted in a shared directory is never replaced or followed.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from bot.errors import InputError

_KINDS = (
    (stat.S_ISLNK, "a symlink"),
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def writable_target(path: Path, *, what: str = "output") -> int:
    """The mode the written file gets; raises InputError unless `path` is a regular file or absent."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return _umask_mode()
    except OSError as exc:
        raise InputError(f"{what} {path}: cannot be written ({exc.strerror})") from exc
    for test, kind in _KINDS:
        if test(st.st_mode):
            raise InputError(f"{what} {path} is {kind}, not a regular file; refusing to replace it")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{what} {path} is not a regular file; refusing to replace it")
    return stat.S_IMODE(st.st_mode)


def atomic_write_bytes(path: Path, data: bytes, *, what: str = "output") -> None:
    """Replace `path` with `data` atomically (keeps an existing file's permission bits)."""
    mode = writable_target(path, what=what)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as exc:
        raise InputError(f"{what} {path}: cannot be written ({exc.strerror})") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        writable_target(path, what=what)  # still not swapped for something else
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str, *, what: str = "output") -> None:
    atomic_write_bytes(path, text.encode("utf-8"), what=what)
