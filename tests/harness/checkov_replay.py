"""checkov replaced by recorded results (fault campaign, benchmarks): checkov's argv in, its JSON out.

Each scanned Terraform file's checks are looked up by the sha256 of its bytes in a recordings
file (`FIXBOT_CHECKOV_RECORDINGS`). A file never seen before goes through the real checkov once,
alone, and its result is recorded — so replayed verdicts are checkov's own, and the figures
measure fixbot rather than checkov. Per-file recording ignores cross-file context (modules,
variables in other files): use it on self-contained fixture files only.

    FIXBOT_CHECKOV=$(python -m tests.harness.checkov_replay --install DIR)   # writes DIR/checkov
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
REAL = Path(os.environ.get("FIXBOT_CHECKOV_REAL", str(ROOT / ".venv-checkov" / "bin" / "checkov")))
DEFAULT_RECORDINGS = ROOT / "tests" / "fixtures" / "checkov_recordings.json"


def install(directory: Path, recordings: Path = DEFAULT_RECORDINGS) -> Path:
    """An executable `checkov` in `directory` that replays `recordings` (FIXBOT_CHECKOV points at it)."""
    directory.mkdir(parents=True, exist_ok=True)
    exe = directory / "checkov"
    exe.write_text(f"#!/bin/sh\nFIXBOT_CHECKOV_RECORDINGS={str(recordings)!r} PYTHONPATH={str(ROOT)!r} "
                   f"exec {sys.executable!r} -m tests.harness.checkov_replay \"$@\"\n")
    exe.chmod(0o755)
    return exe


def _targets(args: argparse.Namespace) -> list[str]:
    if args.file:
        return [f.removeprefix("./") for f in args.file]
    out = []
    for dirpath, dirnames, filenames in os.walk("."):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        out += [os.path.relpath(os.path.join(dirpath, f)) for f in filenames if f.endswith(".tf")]
    return sorted(out)


def _record(path: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="checkov-record-") as tmp:
        (Path(tmp) / "main.tf").write_bytes(path.read_bytes())
        proc = subprocess.run([str(REAL), "-f", "main.tf", "--framework", "terraform", "-o", "json",
                               "--skip-download", "--compact"], cwd=tmp, capture_output=True, text=True, check=False)
    data = json.loads(proc.stdout)
    results = data.get("results", {}) if isinstance(data, dict) else {}
    return {"failed": results.get("failed_checks", []), "passed": results.get("passed_checks", [])}


def _lookup(store: Path, files: list[str]) -> dict[str, dict[str, Any]]:
    keys = {f: hashlib.sha256(Path(f).read_bytes()).hexdigest() for f in files}
    lock_path = Path(tempfile.gettempdir()) / f"fixbot-checkov-replay-{hashlib.sha256(bytes(store)).hexdigest()[:12]}"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        known: dict[str, Any] = json.loads(store.read_text()) if store.exists() else {}
        missing = [f for f in files if keys[f] not in known]
        for f in missing:
            known[keys[f]] = _record(Path(f))
        if missing:
            store.write_text(json.dumps(known, indent=1, sort_keys=True))
    return {f: known[keys[f]] for f in files}


def _placed(check: dict[str, Any], rel: str) -> dict[str, Any]:
    return {**check, "file_path": f"/{rel}", "repo_file_path": f"/{rel}", "file_abs_path": str(Path(rel).resolve())}


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("-d")
    p.add_argument("-f", dest="file", nargs="+")
    p.add_argument("-c")
    p.add_argument("--quiet", action="store_true")
    args, _ = p.parse_known_args(argv)
    store = Path(os.environ.get("FIXBOT_CHECKOV_RECORDINGS", str(DEFAULT_RECORDINGS)))
    only = set(args.c.split(",")) if args.c else None
    failed: list[dict[str, Any]] = []
    passed: list[dict[str, Any]] = []
    for rel, rec in _lookup(store, _targets(args)).items():
        failed += [_placed(c, rel) for c in rec["failed"] if only is None or c["check_id"] in only]
        passed += [_placed(c, rel) for c in rec["passed"] if only is None or c["check_id"] in only]
    report = {"check_type": "terraform",
              "results": {"failed_checks": failed, "passed_checks": [] if args.quiet else passed,
                          "skipped_checks": [], "parsing_errors": []},
              "summary": {"passed": len(passed), "failed": len(failed), "skipped": 0, "parsing_errors": 0,
                          "resource_count": len({c.get("resource") for c in failed + passed}),
                          "checkov_version": "replay"}}
    print(json.dumps(report))
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--install"]:
        print(install(Path(sys.argv[2])))
        raise SystemExit(0)
    raise SystemExit(main(sys.argv[1:]))
