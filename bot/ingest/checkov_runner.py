"""Find and run checkov, offline, as a subprocess (it lives in its own venv).

Lookup order: `$FIXBOT_CHECKOV` (when set it must work), `<project>/.venv-checkov/bin/checkov`,
then `checkov` on PATH. checkov runs with the repository as working directory and `-d .`
(its Kubernetes paths are relative to the working directory, Terraform's to the scan root),
with every network lookup switched off. Exit code 1 only means that checks failed.

checkov reads files fixbot itself refuses (a YAML alias bomb took it to 10.8 GB), so it runs
capped: address space `FIXBOT_CHECKOV_MEMORY_MB` (default 4096, `resource.setrlimit` in the
child), wall time `FIXBOT_CHECKOV_TIMEOUT` seconds (default 900), in its own process group.
The group is killed on timeout, when fixbot exits or is interrupted (atexit, SIGTERM turned
into an exit by the CLI), and the child gets SIGKILL if fixbot itself is killed (Linux
`PR_SET_PDEATHSIG`). A run over a cap is a `CheckovLimitError`.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from bot.errors import IngestError, InputError, ToolMissingError
from bot.ingest import checkov
from bot.ingest.base import IngestContext, clean_text
from bot.models.common import ErrorEntry, Frozen
from bot.paths import repo_relative

ENV_VAR = "FIXBOT_CHECKOV"
PROJECT_ROOT = Path(__file__).resolve().parents[2]  # parent of the `bot` package
INSTALL_HINT = (
    "install it with `make setup`, or `python -m venv .venv-checkov && "
    ".venv-checkov/bin/pip install 'checkov>=3.3,<3.4'`, or point FIXBOT_CHECKOV at a checkov executable"
)
FRAMEWORKS = ("terraform", "kubernetes")
OFFLINE_ENV = {
    "BC_SKIP_MAPPING": "TRUE",  # no severity/guideline mapping download
    "CKV_SKIP_PACKAGE_UPDATE_CHECK": "TRUE",  # no PyPI version check
    "CKV_GITHUB_CONFIG_FETCH_DATA": "FALSE",
    "CKV_GITLAB_CONFIG_FETCH_DATA": "FALSE",
}
SCRUBBED_ENV = ("BC_API_KEY", "PRISMA_API_URL", "BC_API_URL")  # never talk to the platform
DEFAULT_TIMEOUT = 900.0
DEFAULT_MEMORY_MB = 4096
MEMORY_VAR, TIMEOUT_VAR = "FIXBOT_CHECKOV_MEMORY_MB", "FIXBOT_CHECKOV_TIMEOUT"
RUN_INPUT = "checkov-run"
_CHECK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")


class CheckovLimitError(IngestError):
    """checkov went over its memory or time cap (its process group was killed)."""


def _cap(name: str, default: float) -> float:
    raw = os.environ.get(name, "")
    try:
        value = float(raw) if raw else default
    except ValueError:
        raise InputError(f"{name}={raw!r} is not a number") from None
    if not 0 < value < float("inf"):
        raise InputError(f"{name}={raw!r} must be a positive finite number")
    return value


def _limit_child(memory_bytes: int) -> Callable[[], None]:
    def apply() -> None:  # runs in the child between fork and exec
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    return apply


_RUNNING: set[int] = set()  # process groups of live checkov children
_LOCK = threading.Lock()


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


@atexit.register
def kill_running() -> None:
    """Kill every checkov process group still running (fixbot is exiting)."""
    with _LOCK:
        groups = list(_RUNNING)
    for pgid in groups:
        _kill_group(pgid)


def _run_capped(cmd: list[str], root: Path, timeout: float, memory_mb: float) -> tuple[int, str, str]:
    proc = subprocess.Popen(cmd, cwd=root, env=_child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, preexec_fn=_limit_child(int(memory_mb * 2**20)))
    with _LOCK:
        _RUNNING.add(proc.pid)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc.pid)
        proc.communicate()
        raise CheckovLimitError(f"checkov did not finish within {timeout:.0f}s on {root}; it was stopped",
                                hint=f"raise {TIMEOUT_VAR}") from None
    finally:
        _kill_group(proc.pid)  # its workers too, whatever happened
        with _LOCK:
            _RUNNING.discard(proc.pid)
    if "MemoryError" in err and not out.strip():
        raise CheckovLimitError(f"checkov went over its {memory_mb:.0f} MB memory cap on {root}; it was stopped",
                                hint=f"raise {MEMORY_VAR}, or look for a file that explodes when parsed")
    return proc.returncode, out, err


class CheckovRun(Frozen):
    """One checkov process: failed (and, when not quiet, passed) checks, plus parse problems."""

    failed: tuple[checkov.CheckResult, ...] = ()
    passed: tuple[checkov.CheckResult, ...] = ()
    parsing_errors: tuple[str, ...] = ()  # repo-relative files; listed only when quiet=False
    parsing_error_count: int = 0
    errors: tuple[ErrorEntry, ...] = ()


def _executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def locate_checkov(env: Mapping[str, str] | None = None, project_root: Path = PROJECT_ROOT) -> Path:
    """The checkov executable to run, or ToolMissingError saying how to install it."""
    env = os.environ if env is None else env
    configured = env.get(ENV_VAR)
    if configured:
        path = Path(configured).expanduser()
        if _executable(path):
            return path
        raise ToolMissingError(f"checkov not found: {ENV_VAR}={configured} is not an executable file",
                               hint=INSTALL_HINT)
    venv = project_root / ".venv-checkov" / "bin" / "checkov"
    if _executable(venv):
        return venv
    found = shutil.which("checkov", path=env.get("PATH", ""))
    if found:
        return Path(found)
    raise ToolMissingError("checkov not found (looked at $FIXBOT_CHECKOV, .venv-checkov and PATH)",
                           hint=INSTALL_HINT)


def _child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env.update(OFFLINE_ENV)
    return env


def build_command(exe: Path, *, files: Sequence[str] | None, checks: Sequence[str] | None,
                  quiet: bool, skip: Sequence[str] = ()) -> list[str]:
    """checkov's argv: `-d .` (minus the `skip` paths fixbot refused) or `-f FILE...`, both
    frameworks, JSON, offline, compact."""
    target = ["-f", *files] if files else ["-d", ".", *(a for s in skip for a in ("--skip-path", _exact(s)))]
    cmd = [str(exe), *target, "--framework", *FRAMEWORKS, "-o", "json", "--skip-download",
           "--download-external-modules", "false", "--compact"]
    if checks:
        cmd += ["-c", ",".join(checks)]
    return [*cmd, "--quiet"] if quiet else cmd


def _exact(rel: str) -> str:
    """checkov's --skip-path is a regex searched in the path: match exactly this repo path."""
    return "(^|/)" + re.escape(rel.strip("/")) + "$"


def _checked_files(root: Path, files: Sequence[str]) -> list[str]:
    out = []
    for f in files:
        rel = repo_relative(root, f, what="checkov target")
        if not (root / rel).is_file():
            raise InputError(f"checkov target {f!r}: no such file in the repository")
        out.append(f"./{rel}" if rel.startswith("-") else rel)  # never read as an option
    return out


def _checked_ids(checks: Sequence[str]) -> list[str]:
    bad = [c for c in checks if not _CHECK_ID.fullmatch(c)]
    if bad:
        raise InputError(f"not a checkov check id: {clean_text(bad[0], 80)!r}")
    return list(checks)


def checkov_json(root: Path, *, files: Sequence[str] | None = None, checks: Sequence[str] | None = None,
                 quiet: bool = True, timeout: float | None = None, skip: Sequence[str] = ()) -> Any:
    """Run checkov once on the repository (or on `files`) and return its parsed JSON."""
    root = root.resolve()
    targets = _checked_files(root, files) if files else None
    ids = _checked_ids(checks) if checks else None
    cmd = build_command(locate_checkov(), files=targets, checks=ids, quiet=quiet, skip=skip)
    timeout = timeout if timeout is not None else _cap(TIMEOUT_VAR, DEFAULT_TIMEOUT)
    try:
        code, out, err = _run_capped(cmd, root, timeout, _cap(MEMORY_VAR, DEFAULT_MEMORY_MB))
    except OSError as exc:
        raise ToolMissingError(f"cannot run checkov ({cmd[0]}): {exc.strerror or exc}", hint=INSTALL_HINT) from exc
    if code not in (0, 1):
        raise IngestError(f"checkov failed with exit code {code}: {_tail(err)}")
    try:
        return json.loads(out)
    except json.JSONDecodeError as exc:
        raise IngestError(f"checkov printed no JSON report (exit {code}): {_tail(err)}") from exc


def _tail(text: str, lines: int = 3) -> str:
    last = [line for line in text.strip().splitlines() if line.strip()][-lines:]
    return clean_text(" | ".join(last), 500) if last else "no output on stderr"


def parse_error_count(data: Any) -> int:
    """How many files checkov could not parse, from the summaries (present even with --quiet)."""
    reports = data if isinstance(data, list) else [data]
    total = 0
    for report in reports:
        summary = report.get("summary", report) if isinstance(report, dict) else {}
        count = summary.get("parsing_errors", 0) if isinstance(summary, dict) else 0
        total += count if isinstance(count, int) else 0
    return total


def run_checkov(root: Path, *, files: Sequence[str] | None = None, checks: Sequence[str] | None = None,
                quiet: bool = True) -> CheckovRun:
    """Run checkov (one process for all `files`) and return its results as plain values."""
    data = checkov_json(root, files=files, checks=checks, quiet=quiet)
    ctx = IngestContext(root=root.resolve(), input=RUN_INPUT)
    failed, errors = checkov.check_results(data, ctx, "failed_checks")
    passed: list[checkov.CheckResult] = []
    if not quiet:
        passed, more = checkov.check_results(data, ctx, "passed_checks")
        errors += more
    return CheckovRun(failed=tuple(failed), passed=tuple(passed),
                      parsing_errors=tuple(checkov.parsing_errors(data, ctx)),
                      parsing_error_count=parse_error_count(data), errors=tuple(errors))
