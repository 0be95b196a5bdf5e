"""Run the real checkov once over a directory and index its results (for batched tests)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

CHECKOV = Path(__file__).resolve().parents[2] / ".venv-checkov" / "bin" / "checkov"

# (file relative to the scanned dir, resource, check id) -> PASSED / FAILED / SKIPPED
Results = dict[tuple[str, str, str], str]


def run_checkov(directory: Path, frameworks: tuple[str, ...] = ("terraform",)) -> Results:
    """One checkov process over `directory`; every passed and failed check, keyed by file/resource/id."""
    cmd = [str(CHECKOV), "-d", str(directory), "-o", "json", "--skip-download"]
    for fw in frameworks:
        cmd += ["--framework", fw]
    env = {**os.environ, "BC_SKIP_MAPPING": "TRUE", "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2": "false"}
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env, check=False)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"checkov failed ({proc.returncode}): {proc.stderr[-2000:]}")
    reports = json.loads(proc.stdout or "[]")
    out: Results = {}
    for report in reports if isinstance(reports, list) else [reports]:
        results = report.get("results", {}) if isinstance(report, dict) else {}
        for key, status in (("passed_checks", "PASSED"), ("failed_checks", "FAILED"), ("skipped_checks", "SKIPPED")):
            for check in results.get(key, []):
                rel = check["file_path"].lstrip("/")
                out[(rel, check["resource"], check["check_id"])] = status
    return out
