"""Every finding the real checkov reports on the fixture repository maps to an inventory block."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.config import RepoConfig
from bot.inventory import build_inventory
from bot.mapping import map_findings
from bot.models.common import LineSpan
from bot.models.finding import Finding, fingerprint
from tests.harness.checkov_batch import CHECKOV

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "inventory" / "repo"

pytestmark = [
    pytest.mark.checkov,
    pytest.mark.skipif(not CHECKOV.exists(), reason="make setup installs .venv-checkov"),
]


def _checkov_findings(root: Path) -> list[Finding]:
    cmd = [str(CHECKOV), "-d", ".", "-o", "json", "--skip-download", "--framework", "terraform", "kubernetes"]
    env = {**os.environ, "BC_SKIP_MAPPING": "TRUE"}
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=600, env=env, check=False)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    reports = json.loads(proc.stdout)
    out = []
    for report in reports if isinstance(reports, list) else [reports]:
        for check in report["results"]["failed_checks"] + report["results"]["passed_checks"]:
            start, end = check["file_line_range"]
            rel = check["file_path"].lstrip("/")
            out.append(Finding(
                id=fingerprint(check["check_id"], check["resource"], None, None), source="checkov",
                rule_id=check["check_id"], title=check["check_name"], resource=check["resource"], file=rel,
                line=LineSpan(start=max(start, 1), end=max(end, start, 1)),
            ))
    return out


def test_all_checkov_findings_map_to_the_block_that_defines_them(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root)
    findings = _checkov_findings(root)
    assert len(findings) > 50
    result = map_findings(findings, build_inventory(root, RepoConfig()))
    assert [(u.finding.resource, u.finding.file, u.reason) for u in result.unmapped] == []
    by_resource = {m.resource for m in result.mapped}
    assert {
        "envs/prod:aws_s3_bucket.payments",
        "envs/staging:aws_s3_bucket.payments",
        "aws_s3_bucket.this",  # reported as module.store.aws_s3_bucket.this
        "aws_instance.workers",  # reported per count index
        "data.aws_ami.base",
        "k8s/base:Deployment.payments-prod.web",
        "ClusterRole.default.web-reader",
        "Pod.default.debug",
    } <= by_resource
