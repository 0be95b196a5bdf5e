"""Evaluate untrusted (repository) policy in a forked child: no environment, capped CPU and memory.

The child inherits the already-compiled interpreter (copy-on-write), clears its environment,
sets RLIMIT_AS / RLIMIT_CPU (and no core dumps), evaluates once and writes the JSON result to
a pipe. The parent waits at most a wall-clock limit. Any limit hit, crash or malformed answer
→ PolicyError (fail closed: the CLI exits 2, the server records the failure and acts on nothing).
One child per batch, never one per finding.
"""

from __future__ import annotations

import ctypes
import faulthandler
import json
import os
import resource
import select
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.errors import PolicyError

_MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 5
    memory_bytes: int = 512 * _MIB  # on top of what the process already maps
    wall_seconds: float = 30.0  # a loaded machine stretches wall time; CPU is the real cap

    def describe(self) -> str:
        return f"CPU {self.cpu_seconds} s, memory {self.memory_bytes // _MIB} MiB, wall clock {self.wall_seconds:g} s"


DEFAULT_LIMITS = Limits()


def run(compute: Callable[[], Any], limits: Limits = DEFAULT_LIMITS) -> Any:
    """`compute()` in a confined child; its JSON-able result, or PolicyError saying which limit."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(read_fd)
        _child(compute, limits, write_fd)
    os.close(write_fd)
    try:
        data, timed_out = _read_all(read_fd, time.monotonic() + limits.wall_seconds)
    finally:
        os.close(read_fd)
    if timed_out:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return _result(data, status, timed_out, limits)


def _child(compute: Callable[[], Any], limits: Limits, fd: int) -> None:  # pragma: no cover
    code = 0
    try:
        _confine(limits, fd)
        payload = json.dumps({"ok": compute()}).encode("utf-8")
    except MemoryError:
        payload, code = b'{"limit": "memory"}', 1
    except PolicyError as exc:
        payload, code = json.dumps({"error": exc.message[:2000]}).encode("utf-8"), 1
    except BaseException as exc:
        payload, code = json.dumps({"error": f"policy evaluation failed: {type(exc).__name__}"}).encode(), 1
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os._exit(code)


def _confine(limits: Limits, keep: int) -> None:
    faulthandler.disable()  # an abort on the memory limit is expected, not a crash report
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)  # the C++ runtime's own abort message is not ours to print
    os.closerange(3, keep)  # no inherited sockets, files or pipes beyond the answer pipe
    os.closerange(keep + 1, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
    _die_with_parent()
    os.environ.clear()  # unsetenv() for each: opa.runtime().env and getenv() see nothing
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    mapped = _mapped_bytes()
    if mapped is not None:
        resource.setrlimit(resource.RLIMIT_AS, (mapped + limits.memory_bytes,) * 2)


def _die_with_parent() -> None:
    """PR_SET_PDEATHSIG: if fixbot is killed, the child goes too (Linux; elsewhere RLIMIT_CPU bounds it)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _mapped_bytes() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _read_all(fd: int, deadline: float) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return b"".join(chunks), True
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)


def _result(data: bytes, status: int, timed_out: bool, limits: Limits) -> Any:
    stopped = f"repository policy evaluation stopped: {{}} (limits: {limits.describe()}); failing closed"
    if timed_out:
        raise PolicyError(stopped.format("it exceeded the wall-clock limit"))
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        why = (
            "it exceeded the CPU time limit"
            if sig in (signal.SIGXCPU, signal.SIGKILL)
            else (f"it exceeded the memory limit or crashed (signal {signal.Signals(sig).name})")
        )
        raise PolicyError(stopped.format(why))
    try:
        answer = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        answer = None
    if not isinstance(answer, dict):
        raise PolicyError(stopped.format(f"it gave no answer (exit status {os.waitstatus_to_exitcode(status)})"))
    if "limit" in answer:
        raise PolicyError(stopped.format("it exceeded the memory limit"))
    if "error" in answer:
        raise PolicyError(str(answer["error"]))
    return answer.get("ok")
